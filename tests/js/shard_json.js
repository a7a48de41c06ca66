// A stored search shard as the browser reads it: the lunr index search-core.js rebuilds,
// serialized by lunr.js (Index.toJSON). Usage: node shard_json.js SHARD.gz > index.json
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const js = path.join(__dirname, "../../themes/default/static/js");
const lunr = require(path.join(js, "lunr.min.js"));
const S = require(path.join(js, "search-core.js"));
const shard = S.readShard(lunr, new Uint8Array(zlib.gunzipSync(fs.readFileSync(process.argv[2]))));
process.stdout.write(JSON.stringify(shard.index.toJSON()));
