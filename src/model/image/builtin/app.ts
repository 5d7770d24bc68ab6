/**
 * `shop/app:1.0`: an illustrative ~1.2 GB application image built FROM
 * ubuntu:24.04 (a Python web service with a 1 GB model file), several
 * layers, for the shared-disk claim. All sizes are illustrative; the big
 * files are virtual (fs/data.ts), so the image costs bytes, not gigabytes.
 */
import { virtualData } from '../../fs/data.ts';
import { programFile } from '../../program.ts';
import { LayerBuilder } from '../layer-builder.ts';
import type { TarEntry } from '../tar.ts';

/** Build time of the image's layers (illustrative: 2026-03-02T10:00:00Z + n minutes). */
export const APP_CREATED_S = Date.UTC(2026, 2, 2, 10, 0, 0) / 1000;

/** Size of /app/model/weights.bin: 1 GB (decimal, as `docker images` counts). */
export const APP_MODEL_BYTES = 1_000_000_000;

/** Layer 1: python3 installed with apt (apt lists removed). */
export function appPythonLayer(): TarEntry[] {
  const b = new LayerBuilder(APP_CREATED_S + 60);
  for (const d of ['etc', 'usr', 'usr/bin', 'usr/lib', 'var', 'var/lib', 'var/lib/dpkg']) b.dir(d);
  b.dir('var/lib/dpkg/info');
  b.file('usr/bin/python3.12', programFile('python3', 6_890_080), 0o755);
  b.symlink('usr/bin/python3', 'python3.12');
  b.file('usr/lib/python3.12/stdlib.zip', virtualData(28_400_000, 'shop-app/python3.12'));
  b.file('usr/lib/python3/dist-packages/pip/bundle.whl', virtualData(9_600_000, 'shop-app/pip'));
  b.file('var/lib/dpkg/status', virtualData(3_262_000, 'shop-app/dpkg-status-2'));
  b.file('var/lib/dpkg/info/python3.12.list', 'usr/bin/python3.12\n');
  return b.build();
}

/** Layer 2: requirements.txt copied into /app. */
export function appRequirementsLayer(): TarEntry[] {
  return new LayerBuilder(APP_CREATED_S + 120).dir('app').file('app/requirements.txt', 'flask==3.1.0\nnumpy==2.3.1\nonnxruntime==1.22.0\n').build();
}

/** Layer 3: pip install of the requirements. */
export function appPipLayer(): TarEntry[] {
  const b = new LayerBuilder(APP_CREATED_S + 300);
  for (const d of ['usr', 'usr/local', 'usr/local/lib', 'usr/local/bin']) b.dir(d);
  b.file('usr/local/lib/python3.12/dist-packages/numpy/core.so', virtualData(38_200_000, 'shop-app/numpy'), 0o755);
  b.file('usr/local/lib/python3.12/dist-packages/onnxruntime/capi.so', virtualData(61_700_000, 'shop-app/onnxruntime'), 0o755);
  b.file('usr/local/lib/python3.12/dist-packages/flask/__init__.py', 'from .app import Flask as Flask\n');
  b.file('usr/local/bin/flask', '#!/usr/bin/python3\nfrom flask.cli import main\nmain()\n', 0o755);
  return b.build();
}

/** Layer 4: the 1 GB model file. */
export function appModelLayer(): TarEntry[] {
  return new LayerBuilder(APP_CREATED_S + 420).dir('app').file('app/model/weights.bin', virtualData(APP_MODEL_BYTES, 'shop-app/model-weights-v1')).build();
}

/** Layer 5: the application source. */
export function appSourceLayer(): TarEntry[] {
  return new LayerBuilder(APP_CREATED_S + 480).dir('app')
    .file('app/server.py', 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/")\ndef index():\n    return "shop is up\\n"\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8000)\n')
    .file('app/README.md', '# shop/app\n\nThe shop web service and its recommendation model.\n')
    .build();
}
