import { error } from '@sveltejs/kit';
import { sessionForTrainer } from '$lib/server/exports/access';
import { evidencePack } from '$lib/server/exports/evidence';
import { getDb } from '$lib/server/db';
import { packFollowUp } from '$lib/server/followup/service';
import { sharesWithTrainer } from '$lib/server/followup/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const data = sessionForTrainer(locals, params.id);
	if (data.deleted)
		error(410, 'Participant data for this session was deleted, so there are no evidence packs.');
	const pack = evidencePack(data, params.participantId);
	if (!pack) error(404, 'That person is not part of this session.');
	if (sharesWithTrainer(getDb(), params.participantId))
		pack.followUp = packFollowUp(getDb(), data, params.participantId);
	return { pack };
};
