import type { AgendaPlan } from '$lib/shared/agenda';
import type { RunState } from '$lib/shared/run';
import {
	blockPages,
	slideIndex,
	type DeckInfo,
	type SlideControl,
	type SlidePosition,
	type SlideView
} from '$lib/shared/slides';
import {
	blockVideo,
	videoStateFor,
	type VideoInfo,
	type VideoSource,
	type VideoState
} from '$lib/shared/video';
import { getSocket, request } from './socket';

/** Where the room is in its deck, as the projector and the remote show it. */
export interface ShownSlide {
	/** The agenda block the slide belongs to. */
	block: number;
	/** The deck page (1-based) and its place in the block. */
	page: number;
	index: number;
	count: number;
	/** The deck pages the block shows, in order. */
	pages: number[];
}

/** A trainer's live view of a room's deck: the server's position, heard on `slides:state`. */
export class SlideWatch {
	deck = $state<DeckInfo | null>(null);
	position = $state<SlidePosition | null>(null);
	/** Whether seated phones show the current slide (the remote's switch). */
	follow = $state(false);
	/** The session's video file, and the current video block's play/pause and shown/hidden. */
	videoFile = $state<VideoInfo | null>(null);
	video = $state<VideoState | null>(null);
	error = $state('');
	#roomId: string;

	constructor(roomId: string) {
		this.#roomId = roomId;
	}

	/** The deck's address; the hash in it lets the browser keep it across reloads. */
	get url(): string | null {
		return this.deck ? `/trainer/rooms/${this.#roomId}/deck.pdf?v=${this.deck.hash}` : null;
	}

	/** The video file's address (trainers only), with its hash so the browser may keep it. */
	get videoUrl(): string | null {
		return this.videoFile ? `/trainer/rooms/${this.#roomId}/video?v=${this.videoFile.hash}` : null;
	}

	/** The current block's video while it holds the screen (a video block, not put aside), else null. */
	videoShown(plan: AgendaPlan | null, run: RunState | null): VideoSource | null {
		if (!plan || !run || (run.phase !== 'running' && run.phase !== 'paused')) return null;
		const source = blockVideo(plan.blocks[run.current], this.videoFile);
		return source && !videoStateFor(this.video ?? undefined, run.current).hidden ? source : null;
	}

	/** Whether the current video block's video is playing. */
	playing(run: RunState | null): boolean {
		return run ? videoStateFor(this.video ?? undefined, run.current).playing : false;
	}

	/**
	 * The projector's keys in a video block: Space or K play and pause (as on YouTube), → puts the
	 * video aside for the block's slides, V brings it back. The block's clock runs on regardless.
	 */
	videoKey(key: string, plan: AgendaPlan | null, run: RunState | null): boolean {
		if (!plan || !run || (run.phase !== 'running' && run.phase !== 'paused')) return false;
		if (!blockVideo(plan.blocks[run.current], this.videoFile)) return false;
		const state = videoStateFor(this.video ?? undefined, run.current);
		if (key === 'v') void this.control({ type: 'video', action: state.hidden ? 'show' : 'hide' });
		else if (state.hidden) return false;
		else if (key === ' ' || key === 'k')
			void this.control({ type: 'video', action: state.playing ? 'pause' : 'play' });
		else if (
			(key === 'ArrowRight' || key === 'PageDown') &&
			this.deck &&
			blockPages(plan, run.current, this.deck.pages).length > 0
		)
			void this.control({ type: 'video', action: 'hide' });
		else return false;
		return true;
	}

	/**
	 * The slide to show, or null for a block without slides. The position's own block wins over the
	 * clock's for the moment between the two updates, so a step back never flashes the wrong slide.
	 */
	shown(plan: AgendaPlan | null, run: RunState | null): ShownSlide | null {
		if (!this.deck || !this.position || !plan || !run) return null;
		if (run.phase !== 'running' && run.phase !== 'paused') return null;
		const block = this.position.block;
		const pages = blockPages(plan, block, this.deck.pages);
		if (pages.length === 0) return null;
		const index = slideIndex(this.position, block, pages.length);
		return { block, page: pages[index]!, index, count: pages.length, pages };
	}

	/** The pages next to `shown` (next first), across block edges: the ones to draw ahead. */
	neighbours(plan: AgendaPlan, shown: ShownSlide): number[] {
		const pages = this.deck?.pages ?? 0;
		const next = shown.pages[shown.index + 1] ?? blockPages(plan, shown.block + 1, pages)[0];
		const previous =
			shown.pages[shown.index - 1] ?? blockPages(plan, shown.block - 1, pages).at(-1);
		return [next, previous].filter((p): p is number => p !== undefined);
	}

	/**
	 * The projector's presentation keys while the agenda runs with a deck: → / PageDown and ← / PageUp
	 * step slides (and blocks at the edges), B or . blacks and W whites the screen. False: not a slide key now.
	 */
	key(key: string, phase: RunState['phase']): boolean {
		if (!this.deck || (phase !== 'running' && phase !== 'paused')) return false;
		const blank = this.position?.blank ?? null;
		if (key === 'ArrowRight' || key === 'PageDown') void this.control({ type: 'next' });
		else if (key === 'ArrowLeft' || key === 'PageUp') void this.control({ type: 'previous' });
		else if (key === 'b' || key === '.')
			void this.control({ type: 'blank', blank: blank === 'black' ? null : 'black' });
		else if (key === 'w' || key === ',')
			void this.control({ type: 'blank', blank: blank === 'white' ? null : 'white' });
		else return false;
		return true;
	}

	start(): () => void {
		const socket = getSocket();
		const watch = async () => {
			const res = await request('slides:watch', { roomId: this.#roomId });
			if (res.ok) this.#apply(res.data);
			else this.error = res.error;
		};
		const onState = (view: SlideView) => this.#apply(view);
		socket.on('connect', watch);
		socket.on('slides:state', onState);
		if (socket.connected) void watch();
		return () => {
			socket.off('connect', watch);
			socket.off('slides:state', onState);
		};
	}

	/** Sent in order, like the clock's controls: two quick presses are two slides. */
	control(control: SlideControl): Promise<void> {
		this.#queue = this.#queue.then(async () => {
			const res = await request('slides:control', { roomId: this.#roomId, control });
			if (res.ok) {
				this.#apply(res.data);
				this.error = '';
			} else this.error = res.error;
		});
		return this.#queue;
	}
	#queue: Promise<void> = Promise.resolve();

	#apply(view: SlideView) {
		if (view.roomId !== this.#roomId) return;
		// Marks for the key-to-slide measurement (tests/e2e/slides-latency.desktop.spec.ts): free when unread.
		performance.mark('slides:state');
		// The same deck keeps its object: screens drawing it must not reopen it on every step.
		if (view.deck?.hash !== this.deck?.hash) this.deck = view.deck;
		this.position = view.position;
		this.follow = view.follow;
		if (view.videoFile?.hash !== this.videoFile?.hash) this.videoFile = view.videoFile;
		this.video = view.video;
	}
}
