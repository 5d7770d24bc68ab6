/**
 * How long dockerd's work takes on the virtual clock. Illustrative values,
 * chosen so a warm `docker run` (image present) takes ≈ 0.55 s, the order
 * reported for Docker warm starts (facts §8.1: 554–568 ms, Khan 2026 —
 * UNVERIFIED; ≈ 100 ms in van Rijn & Rellermeyer — UNVERIFIED), of which
 * creating the namespaces is ≈ 8 ms (facts §8.1, same source). The point the
 * site makes holds for either figure: no guest OS boots.
 */
export const TIMINGS = {
  /** POST /containers/create: config, name, RW layer + init layer (snapshot prepare). */
  createUs: 40_000,
  /** containerd task create: start containerd-shim-runc-v2, runc create (namespaces ≈ 8 ms, mounts, cgroup), runc start. */
  startUs: 510_000,
  /**
   * Registry download rate for `docker pull`, bytes per second (illustrative: a
   * 400 Mbit/s link). Pulls dominate cold starts (facts §8.1, Slacker: 76 % of
   * start time), which `time docker run` on a new image shows.
   */
  pullBytesPerSecond: 50_000_000,
} as const;
