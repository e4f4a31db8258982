import { expect, type Page } from '@playwright/test';

/**
 * Fills the AMO assessment on one phone as a person would: about their own team, every statement
 * on each dimension's screen, then "See my profile". `score(i)` picks the answer for statement i.
 */
export async function completeAmo(
	phone: Page,
	score: (i: number) => number,
	/** Already past the choice of whom it is about, on the first screen of statements. */
	begun = false
): Promise<void> {
	if (!begun) await phone.getByRole('button', { name: 'Next' }).click();
	let i = 0;
	for (let screen = 0; screen < 3; screen++) {
		const items = phone.locator('fieldset.item');
		await expect(items.first()).toBeVisible();
		const count = await items.count();
		for (let k = 0; k < count; k++) {
			const value = score(i++);
			await items
				.nth(k)
				.getByRole('radio')
				.nth(value - 1)
				.check();
			await expect(
				items
					.nth(k)
					.getByRole('radio')
					.nth(value - 1)
			).toBeChecked();
		}
		await phone.getByRole('button', { name: 'Next' }).click();
	}
	await phone.getByRole('button', { name: 'See my profile' }).click();
}
