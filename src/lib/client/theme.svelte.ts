/** Projector theme: dark by default (most training rooms dim the lights), light for bright rooms. */
export class ProjectorTheme {
	value = $state<'dark' | 'light'>('dark');

	load(): void {
		try {
			if (localStorage.getItem('wc.projector-theme') === 'light') this.value = 'light';
		} catch {
			/* storage off: keep the default */
		}
		this.#apply();
	}

	toggle(): void {
		this.value = this.value === 'dark' ? 'light' : 'dark';
		try {
			localStorage.setItem('wc.projector-theme', this.value);
		} catch {
			/* storage off: the choice lasts for this page */
		}
		this.#apply();
	}

	/** Leaving the projector page hands the theme back to the viewer's own preference. */
	reset(): void {
		delete document.documentElement.dataset.theme;
	}

	#apply() {
		document.documentElement.dataset.theme = this.value;
	}
}
