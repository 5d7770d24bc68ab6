/**
 * The built-in images every World's registry starts with, and how a
 * definition becomes an OCI image: config (rootfs.diff_ids, history) plus
 * layer tars. Diff IDs come from the generated table in builtin/baked.ts
 * (`npx node src/model/image/bake.ts` rewrites it; builtin.test.ts checks
 * every entry against the layer definitions), so no World hashes a gigabyte
 * at start-up.
 */
import type { Digest } from './digest.ts';
import type { ContainerConfig, HistoryEntry, ImageConfig } from './image.ts';
import type { LayerDigest } from './layer-digest.ts';
import { layerDigest } from './layer-digest.ts';
import type { TarEntry } from './tar.ts';
import { ALPINE_CREATED_S, alpineRootfs } from './builtin/alpine.ts';
import { BAKED } from './builtin/baked.ts';
import { once } from './builtin/once.ts';
import type { ImageDef, LayerDef } from './builtin/types.ts';

export type { ImageDef, LayerDef, StepDef } from './builtin/types.ts';

const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/** PATH set by the official images' Dockerfiles. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `alpine:3.22` (also tagged 3.22.6 and latest). */
export const ALPINE: ImageDef = {
  repository: 'alpine',
  tags: ['3.22', '3.22.6', 'latest'],
  steps: [
    {
      createdBy: 'ADD alpine-minirootfs-3.22.6-x86_64.tar.gz / # buildkit', created: iso(ALPINE_CREATED_S), comment: 'buildkit.dockerfile.v0',
      layer: { key: 'alpine:3.22/rootfs', entries: once(alpineRootfs), transferSize: 3_792_075 },
    },
    { createdBy: 'CMD ["/bin/sh"]', created: iso(ALPINE_CREATED_S), comment: 'buildkit.dockerfile.v0' },
  ],
  config: { Env: [DEFAULT_PATH], Cmd: ['/bin/sh'] },
};

/** Every built-in image definition, base images first. */
export const BUILTIN_IMAGES: readonly ImageDef[] = [ALPINE];

/** All steps of an image including its base image's, oldest first. */
export function allSteps(def: ImageDef): ImageDef['steps'] {
  return [...(def.base ? allSteps(def.base) : []), ...def.steps];
}

/** All layers, base first (the order of rootfs.diff_ids). */
export function allLayers(def: ImageDef): LayerDef[] {
  return allSteps(def).flatMap((s) => (s.layer ? [s.layer] : []));
}

/** Diff ID and tar size of a layer: the baked value, or computed (and slow for big layers) when not baked yet. */
export function digestOfLayer(layer: LayerDef): LayerDigest {
  return BAKED[layer.key] ?? layerDigest(layer.entries());
}

/** A resolved built-in image: its config and its layers with digests. */
export interface ResolvedImage {
  readonly config: ImageConfig;
  readonly layers: ReadonlyArray<{ readonly def: LayerDef; readonly diffId: Digest; readonly tarSize: number; readonly entries: () => TarEntry[] }>;
}

/** Turn a definition into an OCI config + layers (config.md: history, rootfs.diff_ids). */
export function resolveImage(def: ImageDef): ResolvedImage {
  const steps = allSteps(def);
  const layers = allLayers(def).map((l) => ({ def: l, ...digestOfLayer(l), entries: l.entries }));
  const history: HistoryEntry[] = steps.map((s) => ({
    created: s.created, created_by: s.createdBy, ...(s.comment ? { comment: s.comment } : {}), ...(s.layer ? {} : { empty_layer: true }),
  }));
  const config: ContainerConfig = { ...(def.base ? mergedConfig(def.base) : {}), ...def.config };
  return {
    config: {
      architecture: def.architecture ?? 'amd64', os: def.os ?? 'linux', ...(def.osVersion ? { 'os.version': def.osVersion } : {}),
      created: steps.at(-1)?.created, config, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) }, history,
    },
    layers,
  };
}

function mergedConfig(def: ImageDef): ContainerConfig {
  return { ...(def.base ? mergedConfig(def.base) : {}), ...def.config };
}
