/** "09:30" + 185 minutes → "12:35". */
export function addMinutes(clock: string, minutes: number): string {
	const [h = 0, m = 0] = clock.split(':').map(Number);
	const total = (h * 60 + m + minutes) % (24 * 60);
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function formatDuration(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}
