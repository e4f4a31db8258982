import type { Control } from '$lib/shared/run';
import {
	blockPages,
	slideIndex,
	stepTarget,
	type SlideControl,
	type SlideState,
	type SlideView
} from '$lib/shared/slides';
import { blockVideo, videoStateFor } from '$lib/shared/video';
import { UserError } from '../errors';
import type { LiveRoom } from './live-room';

/** Enough for a long day stepping every few seconds; older entries go first. */
const MAX_LOG = 5000;

export function slideView(room: LiveRoom): SlideView {
	return {
		roomId: room.id,
		deck: room.deck,
		position: room.slides.position,
		follow: room.slides.follow === true,
		videoFile: room.video,
		video: videoStateFor(room.slides.video, room.run.current)
	};
}

/** Play, pause, show or put aside the current video block's video (no deck needed). */
export function planVideoControl(
	room: LiveRoom,
	action: 'play' | 'pause' | 'show' | 'hide'
): SlideState {
	const { run, plan } = room;
	if (run.phase !== 'running' && run.phase !== 'paused')
		throw new UserError('invalid', 'Start the agenda first.');
	if (!blockVideo(plan.blocks[run.current], room.video))
		throw new UserError(
			'invalid',
			'This block has no video: make it a video block with a YouTube link, or attach a video file to the agenda.'
		);
	const state = videoStateFor(room.slides.video, run.current);
	const video =
		action === 'play'
			? { ...state, playing: true, hidden: false }
			: action === 'pause'
				? { ...state, playing: false }
				: action === 'show'
					? { ...state, hidden: false }
					: { ...state, hidden: true, playing: false };
	return { ...room.slides, video };
}

/**
 * What a slide control does, as data: the new slide state and, when the step leaves the block, the
 * agenda control that goes with it (the engine applies both, agenda first, and stores them).
 */
export function planSlideControl(
	room: LiveRoom,
	control: Exclude<SlideControl, { type: 'video' }>
): { position: SlideState['position']; agenda: Control | null } {
	const deck = room.deck;
	if (!deck)
		throw new UserError(
			'invalid',
			'This session has no slides: attach a PDF to the agenda before starting it.'
		);
	const { run, plan } = room;
	const position = room.slides.position;
	// Like blanking, the phones' switch works in any phase: a trainer sets it up before starting.
	if (control.type === 'follow') return { position, agenda: null };
	if (control.type === 'blank')
		return { position: { ...position, blank: control.blank }, agenda: null };
	if (run.phase !== 'running' && run.phase !== 'paused')
		throw new UserError(
			'invalid',
			run.phase === 'finished' ? 'The agenda has finished.' : 'Start the agenda first.'
		);
	let target: { block: number; slide: number } | null;
	if (control.type === 'goto') {
		if (control.block >= plan.blocks.length)
			throw new UserError('invalid', 'There is no such block in this agenda.');
		const count = blockPages(plan, control.block, deck.pages).length;
		if (control.slide >= Math.max(1, count))
			throw new UserError('invalid', 'That block has no such slide.');
		target = { block: control.block, slide: control.slide };
	} else {
		target = stepTarget(plan, run.current, position, deck.pages, control.type === 'next' ? 1 : -1);
		if (!target)
			throw new UserError(
				'invalid',
				control.type === 'next'
					? 'This is the last slide of the agenda.'
					: 'This is the first slide.'
			);
	}
	return {
		position: { block: target.block, slide: target.slide, blank: null },
		agenda: target.block !== run.current ? { type: 'jump', index: target.block } : null
	};
}

/**
 * The state after showing `position` at `now`: a new page shown is logged (for time per slide).
 * Before the agenda starts the projector shows the join screen, so nothing is shown and nothing
 * logged: the log is also what a following phone may fetch, and the time per slide starts at the start.
 */
export function withPosition(
	room: LiveRoom,
	position: SlideState['position'],
	now: number
): SlideState {
	const onScreen = room.run.phase === 'running' || room.run.phase === 'paused';
	const page = onScreen ? shownPage(room, position) : null;
	const last = room.slides.log.at(-1);
	const log =
		page !== null && (last?.page !== page || last.block !== position.block)
			? [...room.slides.log, { block: position.block, page, at: now }].slice(-MAX_LOG)
			: room.slides.log;
	return { ...room.slides, position, log };
}

/** The agenda moved by itself (the clock's next, previous, jump): the new block starts on its first slide. */
export function afterAgendaMove(room: LiveRoom, now: number): SlideState | null {
	if (!room.deck || (room.run.phase !== 'running' && room.run.phase !== 'paused')) return null;
	// Same block: only the session's very first start has no slide logged yet.
	if (room.slides.position.block === room.run.current && room.slides.log.length > 0) return null;
	return withPosition(room, { block: room.run.current, slide: 0, blank: null }, now);
}

function shownPage(room: LiveRoom, position: SlideState['position']): number | null {
	if (!room.deck) return null;
	const pages = blockPages(room.plan, position.block, room.deck.pages);
	return pages[slideIndex(position, position.block, pages.length)] ?? null;
}
