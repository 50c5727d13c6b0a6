#!/usr/bin/env python3
"""Checks a Maven Central bundle (a Maven repository layout) the way Central validates one.

  check_bundle.py BUNDLE_DIR --readme README.md --license LICENSE [--public-key KEY.asc]

Per component (groupId/artifactId/version directory):
  * the pom names the same coordinates as its path, literally, and a release version (no
    SNAPSHOT); name and description of its own; url, licenses, developers, scm (url and
    connection) and issueManagement of its own or from its parent, which must be in the bundle;
  * a jar component has the jar, -sources.jar and -javadoc.jar; the sources jar holds the .java
    files of the classes, the javadoc jar an index.html;
  * every file has .md5 and .sha1 (and .sha256/.sha512 when present) that match its bytes, and,
    with --public-key, an .asc signature that gpg verifies with that key;
  * every main jar carries the Automatic-Module-Name documented in the README and the project's
    LICENSE as META-INF/LICENSE (sources jars too);
  * the project's own dependencies point into the bundle;
  * the set of artifacts equals the README's table "Artifacts and module names";
  * the BOM has no parent and manages every jar artifact of the bundle at the bundle's version,
    and nothing else.
Prints one line per component and exits 1 listing every problem found.
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
CHECKSUMS = {"md5": hashlib.md5, "sha1": hashlib.sha1, "sha256": hashlib.sha256,
             "sha512": hashlib.sha512}
SIDE_FILES = tuple("." + ext for ext in CHECKSUMS) + (".asc",)

problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def text(element, path):
    found = element.find(path, NS)
    return None if found is None or found.text is None else found.text.strip()


def documented_artifacts(readme):
    """The README table under the heading 'Artifacts and module names': artifactId -> module."""
    rows, inside = {}, False
    with open(readme, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                inside = "Artifacts and module names" in line
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if inside and line.startswith("|") and len(cells) >= 3:
                artifact = re.fullmatch(r"`([a-z0-9.-]+)`", cells[0])
                if artifact:
                    module = re.fullmatch(r"`([A-Za-z0-9.]+)`", cells[2])
                    rows[artifact.group(1)] = module.group(1) if module else None
    if not rows:
        problem(readme, "no table under a heading 'Artifacts and module names'")
    return rows


def check_checksums_and_signature(path, where, gpg_home):
    data = open(path, "rb").read()
    for ext, algorithm in CHECKSUMS.items():
        side = f"{path}.{ext}"
        if not os.path.exists(side):
            if ext in ("md5", "sha1"):
                problem(where, f"no .{ext} checksum")
            continue
        declared = open(side, encoding="ascii").read().split()[0].lower()
        if declared != algorithm(data).hexdigest():
            problem(where, f".{ext} does not match the file")
    if gpg_home is not None:
        if not os.path.exists(path + ".asc"):
            problem(where, "no .asc signature")
        else:
            verify = subprocess.run(
                ["gpg", "--homedir", gpg_home, "--batch", "--verify", path + ".asc", path],
                capture_output=True, text=True)
            if verify.returncode != 0:
                lines = verify.stderr.strip().splitlines() or ["(no output)"]
                bad = [line for line in lines if "BAD" in line or "No public key" in line]
                problem(where, "signature does not verify: " + (bad or lines)[-1].strip())


def check_jars(where, base, module_name, license_bytes):
    jar, sources, javadoc = base + ".jar", base + "-sources.jar", base + "-javadoc.jar"
    for required in (jar, sources, javadoc):
        if not os.path.exists(required):
            problem(where, f"missing {os.path.basename(required)}")
    if not all(os.path.exists(p) for p in (jar, sources, javadoc)):
        return
    with zipfile.ZipFile(jar) as z:
        names = z.namelist()
        manifest = z.read("META-INF/MANIFEST.MF").decode("utf-8")
        found = re.search(r"^Automatic-Module-Name: *(\S+)", manifest, re.M)
        if module_name is None:
            problem(where, "a jar artifact without a documented module name in the README")
        elif not found:
            problem(where, "the jar has no Automatic-Module-Name")
        elif found.group(1) != module_name:
            problem(where, f"Automatic-Module-Name {found.group(1)}, documented {module_name}")
        if "META-INF/LICENSE" not in names or z.read("META-INF/LICENSE") != license_bytes:
            problem(where, "the jar lacks the project's LICENSE as META-INF/LICENSE")
        classes = {n[:-6] for n in names if n.endswith(".class") and "$" not in n
                   and not n.endswith("module-info.class")}
    with zipfile.ZipFile(sources) as z:
        java = {n[:-5] for n in z.namelist() if n.endswith(".java")}
        if "META-INF/LICENSE" not in z.namelist():
            problem(where, "the sources jar lacks META-INF/LICENSE")
    missing = sorted(classes - java)
    if missing:
        problem(where, f"{len(missing)} classes without sources, e.g. {missing[0]}")
    with zipfile.ZipFile(javadoc) as z:
        if "index.html" not in z.namelist():
            problem(where, "the javadoc jar has no index.html")
    return found.group(1) if found else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle")
    parser.add_argument("--readme", required=True)
    parser.add_argument("--license", required=True)
    parser.add_argument("--public-key")
    args = parser.parse_args()
    license_bytes = open(args.license, "rb").read()
    documented = documented_artifacts(args.readme)

    gpg_home = None
    if args.public_key:
        gpg_home = tempfile.mkdtemp(prefix="bundle-check-gpg-")
        subprocess.run(["gpg", "--homedir", gpg_home, "--batch", "--quiet", "--import",
                        args.public_key], check=True)

    components = {}  # (groupId, artifactId, version) -> (directory, pom root)
    for directory, _, files in os.walk(args.bundle):
        for name in files:
            path = os.path.join(directory, name)
            if not name.endswith(SIDE_FILES):
                check_checksums_and_signature(path, os.path.relpath(path, args.bundle), gpg_home)
            if name.endswith(".pom"):
                rel = os.path.relpath(directory, args.bundle).split(os.sep)
                group, artifact, version = ".".join(rel[:-2]), rel[-2], rel[-1]
                if name != f"{artifact}-{version}.pom":
                    problem(path, "pom file name does not match its directory")
                root = ET.parse(path).getroot()
                components[(group, artifact, version)] = (directory, root, path)
    if not components:
        problem(args.bundle, "no pom found")

    versions = {v for (_, _, v) in components}
    if len(versions) != 1:
        problem(args.bundle, f"several versions in one bundle: {sorted(versions)}")
    bundle_version = next(iter(versions)) if versions else "?"

    def inherited(root, path):
        """The element's text in this pom or, through parents in the bundle, an ancestor's."""
        while root is not None:
            value = text(root, path)
            if value:
                return value
            parent = root.find("m:parent", NS)
            if parent is None:
                return None
            key = (text(parent, "m:groupId"), text(parent, "m:artifactId"),
                   text(parent, "m:version"))
            root = components[key][1] if key in components else None
        return None

    jar_artifacts = set()
    for (group, artifact, version), (directory, root, pom_path) in sorted(components.items()):
        where = f"{group}:{artifact}:{version}"
        raw = open(pom_path, encoding="utf-8").read()
        if "SNAPSHOT" in version or "-SNAPSHOT<" in raw:
            problem(where, "a SNAPSHOT in a release bundle")
        parent = root.find("m:parent", NS)
        own_group = text(root, "m:groupId") or (text(parent, "m:groupId") if parent is not None else None)
        own_version = text(root, "m:version") or (text(parent, "m:version") if parent is not None else None)
        if (own_group, text(root, "m:artifactId"), own_version) != (group, artifact, version):
            problem(where, "the pom's coordinates differ from its path (or hold an expression)")
        if parent is not None:
            key = (text(parent, "m:groupId"), text(parent, "m:artifactId"), text(parent, "m:version"))
            if key not in components:
                problem(where, f"parent {':'.join(key)} is not in the bundle")
        for own in ("m:name", "m:description"):
            if not text(root, own):
                problem(where, f"no <{own[2:]}>")
        for path in ("m:url", "m:licenses/m:license/m:name", "m:licenses/m:license/m:url",
                     "m:developers/m:developer/m:name", "m:scm/m:url", "m:scm/m:connection",
                     "m:issueManagement/m:url"):
            if not inherited(root, path):
                problem(where, f"no {path.replace('m:', '')} (own or inherited)")
        for dependency in root.findall(".//m:dependencies/m:dependency", NS):
            dep = (text(dependency, "m:groupId"), text(dependency, "m:artifactId"),
                   text(dependency, "m:version"))
            if dep[0] == group and dep[2] and dep[2] != version:
                problem(where, f"depends on {dep[1]} {dep[2]}, not the bundle's {version}")
            if dep[0] == group and (group, dep[1], version) not in components:
                problem(where, f"depends on {dep[1]}, which is not in the bundle")

        packaging = text(root, "m:packaging") or "jar"
        base = os.path.join(directory, f"{artifact}-{version}")
        if artifact not in documented:
            problem(where, "not documented in the README table 'Artifacts and module names'")
        module = None
        if packaging == "jar":
            jar_artifacts.add(artifact)
            module = check_jars(where, base, documented.get(artifact), license_bytes)
        elif packaging != "pom":
            problem(where, f"unexpected packaging {packaging}")
        files = sorted(f for f in os.listdir(directory) if not f.endswith(SIDE_FILES))
        signed = "signed" if gpg_home else "unsigned (no key given)"
        print(f"checked {where} [{packaging}] {len(files)} files: "
              f"{', '.join(f[len(artifact) + len(version) + 1:] for f in files)}; "
              f"checksums md5/sha1/sha256/sha512; {signed}"
              + (f"; module {module}" if module else ""))

    for artifact in sorted(set(documented) - {a for (_, a, _) in components}):
        problem(artifact, "documented in the README but not in the bundle")

    boms = [k for k in components if k[1].endswith("-bom")]
    if len(boms) != 1:
        problem(args.bundle, f"expected one BOM, found {len(boms)}")
    for key in boms:
        root = components[key][1]
        where = ":".join(key)
        if root.find("m:parent", NS) is not None:
            problem(where, "the BOM has a parent (its managed versions would leak into users' builds)")
        if root.find("m:dependencies", NS) is not None:
            problem(where, "the BOM declares dependencies")
        managed = {}
        for dependency in root.findall("m:dependencyManagement/m:dependencies/m:dependency", NS):
            managed.setdefault(text(dependency, "m:artifactId"), set()).add(
                (text(dependency, "m:groupId"), text(dependency, "m:version")))
        for artifact, entries in sorted(managed.items()):
            for group, version in entries:
                if (group, artifact, version) not in components:
                    problem(where, f"manages {group}:{artifact}:{version}, not in the bundle")
        for artifact in sorted(jar_artifacts - set(managed)):
            problem(where, f"does not manage {artifact}")
        print(f"checked {where} manages {len(managed)} artifacts: {', '.join(sorted(managed))}")

    if problems:
        print(f"\nbundle check FAILED, {len(problems)} problems:", file=sys.stderr)
        for line in problems:
            print("  " + line, file=sys.stderr)
        sys.exit(1)
    print(f"bundle check passed: {len(components)} components, version {bundle_version}, "
          f"{len(jar_artifacts)} jar artifacts with sources and javadoc"
          + (", every file signed" if gpg_home else ", unsigned"))


if __name__ == "__main__":
    main()
