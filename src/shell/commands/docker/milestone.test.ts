import { describe, expect, it } from 'vitest';
import { dockerHost } from './testing.ts';

// Issue 2's first slice, end to end through the real kernel, fs and image code.
describe('docker first slice', () => {
  it('docker run alpine echo hi', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run alpine echo hi');
    expect(r.err).toContain("Unable to find image 'alpine:latest' locally");
    expect(r.out).toBe('hi\n');
    expect(r.status).toBe(0);
  });
  it('docker diff after changing /etc', async () => {
    const h = dockerHost();
    const r = await h.sh('docker run --name c1 alpine sh -c "echo hi > /etc/hello; rm /etc/motd"; docker diff c1');
    expect(r.err).not.toContain('Error');
    expect(r.out).toBe('C /etc\nA /etc/hello\nD /etc/motd\n');
  });
});
