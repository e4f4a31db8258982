import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { getStore } from '$lib/server/store';
import { joinAddress } from '$lib/server/public-url';
import { roomForTrainer } from '$lib/server/rooms/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals, url }) => {
	const room = await roomForTrainer(getStore(), params.id, locals.trainer!.id);
	// Another trainer's room is "not found", not "forbidden": room ids are not confirmed to strangers.
	if (!room) error(404, 'No such session among yours.');
	const address = joinAddress(url);
	const joinUrl = `${address.base}/j/${room.code}`;
	// Black on white with a quiet zone scans best, whatever the page theme.
	const qrSvg = await QRCode.toString(joinUrl, {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M',
		color: { dark: '#000000', light: '#ffffff' }
	});
	return {
		room: { id: room.id, code: room.code, title: room.title, status: room.status },
		join: {
			url: joinUrl,
			shortUrl: `${address.base.replace(/^https?:\/\//, '')}/join`,
			warning: address.warning ?? null
		},
		qrSvg
	};
};
