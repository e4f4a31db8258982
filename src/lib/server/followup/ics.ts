/**
 * A small RFC 5545 writer for the follow-up reminders: two all-day events, each with the link and a
 * morning alarm. Small enough to test whole (tests read it back with ical.js), so no dependency.
 */

export interface Reminder {
	uid: string;
	/** The day it falls on (the learner's calendar shows it as an all-day event). */
	day: Date;
	summary: string;
	description: string;
	url: string;
}

/** TEXT escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character. */
export function fold(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch);
		// The first line holds 75 octets; continuation lines start with a space, so 74 more.
		if (octets + size > (parts.length ? 74 : 75)) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const date = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const stamp = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

export function calendar(reminders: Reminder[], now = new Date()): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Workshop Companion//Follow-up//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH'
	];
	for (const r of reminders) {
		const next = new Date(r.day.getTime() + 24 * 60 * 60_000);
		lines.push(
			'BEGIN:VEVENT',
			`UID:${r.uid}`,
			`DTSTAMP:${stamp(now)}`,
			`DTSTART;VALUE=DATE:${date(r.day)}`,
			`DTEND;VALUE=DATE:${date(next)}`,
			`SUMMARY:${escapeText(r.summary)}`,
			`DESCRIPTION:${escapeText(`${r.description}\n${r.url}`)}`,
			`URL:${r.url}`,
			'TRANSP:TRANSPARENT',
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			// 09:00 on the day (an all-day event starts at midnight, local time).
			'TRIGGER:PT9H',
			`DESCRIPTION:${escapeText(r.summary)}`,
			'END:VALARM',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
