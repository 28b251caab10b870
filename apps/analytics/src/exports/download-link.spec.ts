import { downloadPath, linkProblem, signLink } from './download-link';

const subject = { jobId: 'job_1', organizationId: 'org_a', livemode: true, expires: 1_800_000_000 };

describe('signed download links', () => {
  it('accept their own signature until they expire', () => {
    const sig = signLink('secret', subject);
    expect(linkProblem('secret', subject, sig, 1_799_999_999_000)).toBeNull();
    expect(linkProblem('secret', subject, sig, 1_800_000_000_000)).toBe('expired');
    expect(downloadPath('secret', subject)).toBe(`/v1/analytics/exports/job_1/download?expires=1800000000&signature=${sig}`);
  });

  it('refuse a link bound to another organization, mode, job or expiry, or signed with another secret', () => {
    const sig = signLink('secret', subject);
    for (const changed of [{ organizationId: 'org_b' }, { livemode: false }, { jobId: 'job_2' }, { expires: 1_900_000_000 }]) {
      expect(linkProblem('secret', { ...subject, ...changed }, sig, 0)).toBe('bad_signature');
    }
    expect(linkProblem('other', subject, sig, 0)).toBe('bad_signature');
    expect(linkProblem('secret', subject, 'zz', 0)).toBe('bad_signature');
  });
});
