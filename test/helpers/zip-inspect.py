"""Lists a zip's entries as JSON, read by Python's zipfile (an implementation independent of ours).

Each entry: name, kind (file, directory, symlink), mode (permission bits), sha256 of the content or
the link target. Also runs zipfile's CRC check over every member (testzip)."""
import hashlib
import json
import stat
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as archive:
    bad = archive.testzip()
    entries = []
    for info in archive.infolist():
        mode = info.external_attr >> 16
        data = archive.read(info)
        if stat.S_ISLNK(mode):
            entry = {"kind": "symlink", "target": data.decode("utf-8")}
        elif info.is_dir():
            entry = {"kind": "directory"}
        else:
            entry = {"kind": "file", "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        entry["name"] = info.filename.rstrip("/")
        entry["mode"] = stat.S_IMODE(mode)
        entry["compress_type"] = info.compress_type
        entries.append(entry)
    print(json.dumps({"bad": bad, "entries": entries}))
