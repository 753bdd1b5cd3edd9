"""What the build does for load speed: one stylesheet bundle in mkdocs.yml's order, and
the list of the site's modules that every page preloads."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitebuild import ROOT, module_graph, styles


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


def test_module_graph_lists_the_static_graph_then_literal_dynamic_imports(
    tmp_path: Path, monkeypatch
):
    (tmp_path / "lib").mkdir()
    (tmp_path / "site.js").write_text(
        'import { a } from "./a.js";\nimport {\n  b,\n} from "./lib/b.js";\n'
        'const lazy = () => import("./lazy.js");\n'
        'const computed = () => import(new URL("./computed.js", import.meta.url).href);\n'
    )
    (tmp_path / "a.js").write_text('export { b } from "./lib/b.js";\nexport const a = 1;\n')
    (tmp_path / "lib" / "b.js").write_text('import "../a.js";\nexport const b = 2;\n')
    (tmp_path / "lazy.js").write_text('import { c } from "./lib/c.js";\nexport const d = c;\n')
    (tmp_path / "lib" / "c.js").write_text("export const c = 3;\n")
    monkeypatch.setattr(module_graph, "JS_ROOT", tmp_path)
    found = module_graph.site_modules(tmp_path / "site.js")
    # What site.js waits for first, then what it imports when it runs (and their imports).
    assert found == [
        "assets/js/site.js",
        "assets/js/a.js",
        "assets/js/lib/b.js",
        "assets/js/lazy.js",
        "assets/js/lib/c.js",
    ]


def test_every_module_the_site_imports_is_preloaded():
    modules = module_graph.site_modules()
    assert modules[0] == "assets/js/site.js"
    root = ROOT / "overrides"
    for module in modules:
        text = (root / module).read_text()
        for spec in re.findall(r'from\s+"(\.{1,2}/[^"]+)"', text):
            target = ((root / module).parent / spec).resolve().relative_to(root.resolve())
            assert target.as_posix() in modules, f"{module} imports {spec}, not preloaded"
