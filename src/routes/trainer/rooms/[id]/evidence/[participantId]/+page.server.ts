import { error } from '@sveltejs/kit';
import { sessionForTrainer } from '$lib/server/exports/access';
import { evidencePack } from '$lib/server/exports/evidence';
import { getStore } from '$lib/server/store';
import { packFollowUp } from '$lib/server/followup/service';
import { sharesWithTrainer } from '$lib/server/store/followup';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const data = await sessionForTrainer(locals, params.id);
	if (data.deleted)
		error(410, 'Participant data for this session was deleted, so there are no evidence packs.');
	const pack = evidencePack(data, params.participantId);
	if (!pack) error(404, 'That person is not part of this session.');
	if (await sharesWithTrainer(getStore(), params.participantId))
		pack.followUp = await packFollowUp(getStore(), data, params.participantId);
	return { pack };
};
