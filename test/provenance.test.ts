import { provenance } from '../lambda/content/provenance';
import { contentFor } from '../lambda/content/locale-content';

/** "Reviewed" must mean a review happened: the skill says a sign-off only when the content has one. */
describe('where an answer comes from, said truthfully', () => {
  const content = contentFor('en-GB');
  const written = { title: 'Secondary bone cancer', sources: ['macmillan-secondary-bone'], written: '2026-12-02' };

  it('says when it was written and that no clinician has reviewed it, when none has', () => {
    expect(provenance(content, written, 'spoken').join(' ')).toBe(
      "That comes from Macmillan Cancer Support. A clinician hasn't reviewed it yet, so do check anything important with your care team.",
    );
    expect(provenance(content, written, 'date').join(' ')).toBe(
      "That was written from its sources in December 2026. A clinician hasn't reviewed it yet, so do check anything important with your care team.",
    );
    expect(provenance(content, written, 'card').join(' ')).toBe(
      'From Macmillan Cancer Support: Secondary bone cancer. Written from these sources in December 2026. Not yet reviewed by a clinician.',
    );
  });

  it('says who checked it and when, once a sign-off is recorded', () => {
    const signed = { ...written, signOff: { role: 'an oncology clinical nurse specialist', date: '2027-01-15' } };
    expect(provenance(content, signed, 'spoken').at(-1)).toBe('It was checked by an oncology clinical nurse specialist in January 2027.');
    expect(provenance(content, signed, 'card').at(-1)).toBe('Checked by an oncology clinical nurse specialist in January 2027.');
  });
});
