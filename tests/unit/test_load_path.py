"""What the build does for load speed: one stylesheet bundle in mkdocs.yml's order, and
one bundle of the site's modules."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from sitebuild import ROOT, scripts, styles


def extra_css() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and friends
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)["extra_css"]


def test_stylesheets_are_bundled_in_the_listed_order(tmp_path: Path):
    config = {"extra_css": extra_css()}
    sources = styles.bundle_in_config(config)
    assert config["extra_css"] == [styles.BUNDLE]
    assert sources == extra_css() and len(sources) > 1
    assert styles.bundle_in_config(config) == []  # a second pass keeps the bundle alone

    styles.write_bundle(sources, tmp_path)
    bundle = (tmp_path / styles.BUNDLE).read_text()
    offsets = [bundle.index(f"/* {source} */") for source in sources]
    assert offsets == sorted(offsets)
    for source in sources:  # every rule of every source, unchanged
        assert (ROOT / "overrides" / source).read_text().strip() in bundle


def test_site_script_bundle_keeps_each_modules_own_url(tmp_path: Path):
    # A module in a sub-folder names a file beside it through import.meta.url, and one
    # is imported lazily with a shared dependency: the bundle must still give the
    # module's own URL, and the chunk both import from must be preloadable.
    source = tmp_path / "js"
    (source / "sub").mkdir(parents=True)
    (source / "site.js").write_text(
        'import { worker } from "./sub/a.js";\nimport { shared } from "./shared.js";\n'
        'export const lazy = () => import("./lazy.js");\n'
        "export const found = { worker, shared };\n"
    )
    (source / "sub" / "a.js").write_text(
        'export const worker = new URL("./worker.js", import.meta.url).href;\n'
    )
    (source / "shared.js").write_text("export const shared = import.meta.url;\n")
    (source / "lazy.js").write_text('export { shared } from "./shared.js";\n')
    site = tmp_path / "site"
    preload = scripts.bundle(site, source)

    served = site / scripts.SITE_FOLDER
    assert (site / scripts.BUNDLE).exists()
    assert preload and all((site / chunk).exists() for chunk in preload)
    # The sources are not part of the bundle's output: the theme serves them.
    assert not (served / "sub").exists() and not (served / "site.js").exists()
    found = _node_import(site / scripts.BUNDLE, "found")
    assert found == {
        "worker": (served / "sub" / "worker.js").as_uri(),
        "shared": (served / "shared.js").as_uri(),
    }


def _node_import(module: Path, name: str):
    url = json.dumps(module.as_uri())
    script = f"const m = await import({url}); console.log(JSON.stringify(m.{name}));"
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_site_script_is_the_bundle_of_site_js(tmp_path: Path):
    preload = scripts.bundle(tmp_path)
    bundle = (tmp_path / scripts.BUNDLE).read_text()
    # The runner is in the bundle itself (its Run buttons wait for nothing else); the
    # later features are chunks of their own.
    assert "runner__run" in bundle and "quiz__" not in bundle
    assert all(chunk.startswith(f"{scripts.SITE_FOLDER}/site-") for chunk in preload)
