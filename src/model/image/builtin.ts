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
import { BAKED } from './builtin/baked.ts';
import type { ImageDef, LayerDef } from './builtin/types.ts';

export type { ImageDef, LayerDef, StepDef } from './builtin/types.ts';

export { ALPINE, BUSYBOX, BUILTIN_IMAGES, DEFAULT_PATH, NANOSERVER, POSTGRES, SHOP_APP, UBUNTU } from './builtin/defs.ts';

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
