import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 313:
/***/ ((module) => {

module.exports = Pend;

function Pend() {
  this.pending = 0;
  this.max = Infinity;
  this.listeners = [];
  this.waiting = [];
  this.error = null;
}

Pend.prototype.go = function(fn) {
  if (this.pending < this.max) {
    pendGo(this, fn);
  } else {
    this.waiting.push(fn);
  }
};

Pend.prototype.wait = function(cb) {
  if (this.pending === 0) {
    cb(this.error);
  } else {
    this.listeners.push(cb);
  }
};

Pend.prototype.hold = function() {
  return pendHold(this);
};

function pendHold(self) {
  self.pending += 1;
  var called = false;
  return onCb;
  function onCb(err) {
    if (called) throw new Error("callback called twice");
    called = true;
    self.error = self.error || err;
    self.pending -= 1;
    if (self.waiting.length > 0 && self.pending < self.max) {
      pendGo(self, self.waiting.shift());
    } else if (self.pending === 0) {
      var listeners = self.listeners;
      self.listeners = [];
      listeners.forEach(cbListener);
    }
  }
  function cbListener(listener) {
    listener(self.error);
  }
}

function pendGo(self, fn) {
  fn(pendHold(self));
}


/***/ }),

/***/ 248:
/***/ ((module) => {

// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
const CRC_TABLE = new Int32Array([
  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
]);

function crc32(buf) {
  let crc = -1;
  for (let x of buf) {
    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

module.exports = crc32;


/***/ }),

/***/ 502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
var fs = __nccwpck_require__(896);
var util = __nccwpck_require__(23);
var stream = __nccwpck_require__(203);
var Readable = stream.Readable;
var PassThrough = stream.PassThrough;
var Pend = __nccwpck_require__(313);
var EventEmitter = (__nccwpck_require__(434).EventEmitter);

exports.BufferSlicer = BufferSlicer;
exports.FdSlicer = FdSlicer;

util.inherits(FdSlicer, EventEmitter);
function FdSlicer(fd) {
  EventEmitter.call(this);

  this.fd = fd;
  this.pend = new Pend();
  this.pend.max = 1;
  this.refCount = 0;
}

FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  var self = this;
  self.pend.go(function(cb) {
    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
      cb();
      callback(err, bytesRead, buffer);
    });
  });
};

FdSlicer.prototype.createReadStream = function(options) {
  return new ReadStream(this, options);
};

FdSlicer.prototype.ref = function() {
  this.refCount += 1;
};

FdSlicer.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;
  if (self.refCount < 0) throw new Error("invalid unref");
  if (self.refCount > 0) return;

  fs.close(self.fd, onCloseDone);

  function onCloseDone(err) {
    if (err) {
      self.emit('error', err);
    } else {
      self.emit('close');
    }
  }
};

util.inherits(ReadStream, Readable);
function ReadStream(context, options) {
  options = options || {};
  Readable.call(this, options);

  this.context = context;
  this.context.ref();

  this.start = options.start || 0;
  this.endOffset = options.end;
  this.pos = this.start;
}

ReadStream.prototype._read = function(n) {
  var self = this;

  var toRead = Math.min(self._readableState.highWaterMark, n);
  if (self.endOffset != null) {
    toRead = Math.min(toRead, self.endOffset - self.pos);
  }
  if (toRead <= 0) {
    self.push(null);
    this._cleanup();
    return;
  }
  self.context.pend.go(function(cb) {
    var buffer = Buffer.allocUnsafe(toRead);
    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
      if (err) {
        self.destroy(err);
      } else if (bytesRead === 0) {
        self.push(null);
        self._cleanup();
      } else {
        self.pos += bytesRead;
        self.push(buffer.slice(0, bytesRead));
      }
      cb();
    });
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  // Node 14+ calls this automatically at EOF.
  this._cleanup();
  cb(err);
};

ReadStream.prototype._cleanup = function() {
  if (this.context != null) {
    this.context.unref();
    this.context = null;
  }
};

util.inherits(BufferSlicer, EventEmitter);
function BufferSlicer(buffer) {
  EventEmitter.call(this);

  this.refCount = 0;
  this.buffer = buffer;
}

BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
  if (position < 0) throw new RangeError("position is negative: " + position);
  if (offset + length > buffer.length) {
    // The caller's buffer can't hold all the bytes they're trying to read.
    // Clamp the length instead of giving an error.
    // The callback will be informed of fewer than expected bytes written.
    length = buffer.length - offset;
  }
  if (position + length > this.buffer.length) {
    // Clamp any attempt to read past the end of the source buffer.
    length = this.buffer.length - position;
  }
  if (length <= 0) {
    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
    // This isn't an error; it's just zero bytes written.
    setImmediate(function() {
      callback(null, 0);
    });
    return;
  }
  this.buffer.copy(buffer, offset, position, position + length);
  setImmediate(function() {
    callback(null, length);
  });
};

BufferSlicer.prototype.createReadStream = function(options) {
  options = options || {};
  var readStream = new PassThrough(options);
  readStream.start = options.start || 0;
  readStream.endOffset = options.end;
  // by the time this function returns, we'll be done.
  readStream.pos = readStream.endOffset || this.buffer.length;

  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
  // See https://github.com/thejoshwolfe/yauzl/issues/87
  var maxChunkSize = 0x10000;
  var offset = 0;
  while (true) {
    var nextOffset = offset + maxChunkSize;
    if (nextOffset >= entireSlice.length) {
      // last chunk
      if (offset < entireSlice.length) {
        readStream.write(entireSlice.slice(offset, entireSlice.length));
      }
      break;
    }
    readStream.write(entireSlice.slice(offset, nextOffset));
    offset = nextOffset;
  }

  readStream.end();
  return readStream;
};

BufferSlicer.prototype.ref = function() {
  this.refCount += 1;
};

BufferSlicer.prototype.unref = function() {
  this.refCount -= 1;

  if (this.refCount < 0) {
    throw new Error("invalid unref");
  }
};


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(896);
var zlib = __nccwpck_require__(106);
var fd_slicer = __nccwpck_require__(502);
var util = __nccwpck_require__(23);
var EventEmitter = (__nccwpck_require__(434).EventEmitter);
var Transform = (__nccwpck_require__(203).Transform);
var PassThrough = (__nccwpck_require__(203).PassThrough);
var Writable = (__nccwpck_require__(203).Writable);

// Node 20 added zlib.crc32.
const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : __nccwpck_require__(248);

exports.open = open;
exports.fromFd = fromFd;
exports.fromBuffer = fromBuffer;
exports.fromRandomAccessReader = fromRandomAccessReader;
exports.openPromise = openPromise;
exports.fromFdPromise = fromFdPromise;
exports.fromBufferPromise = fromBufferPromise;
exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

exports.dosDateTimeToDate = dosDateTimeToDate;
exports.getFileNameLowLevel = getFileNameLowLevel;
exports.validateFileName = validateFileName;
exports.parseExtraFields = parseExtraFields;
exports.ZipFile = ZipFile;
exports.Entry = Entry;
exports.LocalFileHeader = LocalFileHeader;
exports.RandomAccessReader = RandomAccessReader;

function openPromise(path, options) {
  return new Promise((resolve, reject) => {
    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromFdPromise(fd, options) {
  return new Promise((resolve, reject) => {
    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromBufferPromise(buffer, options) {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromRandomAccessReaderPromise(reader, totalSize, options) {
  return new Promise((resolve, reject) => {
    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}

function open(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.open(path, "r", function(err, fd) {
    if (err) return callback(err);
    fromFd(fd, options, function(err, zipfile) {
      if (err) fs.close(fd, defaultCallback);
      callback(err, zipfile);
    });
  });
}

function fromFd(fd, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.fstat(fd, function(err, stats) {
    if (err) return callback(err);
    var reader = new fd_slicer.FdSlicer(fd);
    fromRandomAccessReader(reader, stats.size, options, callback);
  });
}

function fromBuffer(buffer, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  var reader = new fd_slicer.BufferSlicer(buffer);
  fromRandomAccessReader(reader, buffer.length, options, callback);
}

function fromRandomAccessReader(reader, totalSize, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  var decodeStrings = !!options.decodeStrings;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
  if (totalSize > Number.MAX_SAFE_INTEGER) {
    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
  }

  // the matching unref() call is in zipfile.close()
  reader.ref();

  // eocdr means End of Central Directory Record.
  // search backwards for the eocdr signature.
  // the last field of the eocdr is a variable-length comment.
  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
  var eocdrWithoutCommentSize = 22;
  var zip64EocdlSize = 20; // Zip64 end of central directory locator
  var maxCommentSize = 0xffff; // 2-byte size
  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
  var buffer = newBuffer(bufferSize);
  var bufferReadStart = totalSize - buffer.length;
  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
    if (err) return callback(err);
    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
      // found eocdr
      var eocdrBuffer = buffer.subarray(i);

      // 0 - End of central directory signature = 0x06054b50
      // 4 - Number of this disk
      var diskNumber = eocdrBuffer.readUInt16LE(4);
      // 6 - Disk where central directory starts
      // 8 - Number of central directory records on this disk
      // 10 - Total number of central directory records
      var entryCount = eocdrBuffer.readUInt16LE(10);
      // 12 - Size of central directory (bytes)
      // 16 - Offset of start of central directory, relative to start of archive
      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
      // 20 - Comment length
      var commentLength = eocdrBuffer.readUInt16LE(20);
      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
      if (commentLength !== expectedCommentLength) {
        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
      }
      // 22 - Comment
      // the encoding is always cp437.
      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
                                  : eocdrBuffer.subarray(22);

      // Look for a Zip64 end of central directory locator
      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
        // ZIP64 format
        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
        // 0 - zip64 end of central dir locator signature = 0x07064b50
        // 4 - number of the disk with the start of the zip64 end of central directory
        // 8 - relative offset of the zip64 end of central directory record
        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        // 16 - total number of disks

        // ZIP64 end of central directory record
        var zip64EocdrBuffer = newBuffer(56);
        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
          if (err) return callback(err);

          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
            return callback(new Error("invalid zip64 end of central directory record signature"));
          }
          // 4 - size of zip64 end of central directory record                8 bytes
          // 12 - version made by                                             2 bytes
          // 14 - version needed to extract                                   2 bytes
          // 16 - number of this disk                                         4 bytes
          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
          if (diskNumber !== 0) {
            // Check this only after zip64 overrides. See #118.
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          // 20 - number of the disk with the start of the central directory  4 bytes
          // 24 - total number of entries in the central directory on this disk         8 bytes
          // 32 - total number of entries in the central directory            8 bytes
          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
          // 40 - size of the central directory                               8 bytes
          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
          // 56 - zip64 extensible data sector                                (variable size)
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
        });
      }

      // Not ZIP64 format
      if (diskNumber !== 0) {
        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
      }
      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

    }

    // Not a zip file.
    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
  });
}

util.inherits(ZipFile, EventEmitter);
function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
  var self = this;
  EventEmitter.call(self);
  self.reader = reader;
  // forward close events
  self.reader.on("error", function(err) {
    // error closing the fd
    emitError(self, err);
  });
  self.reader.once("close", function() {
    self.emit("close");
  });
  self.readEntryCursor = centralDirectoryOffset;
  self.fileSize = fileSize;
  self.entryCount = entryCount;
  self.comment = comment;
  self.entriesRead = 0;
  self.autoClose = !!autoClose;
  self.lazyEntries = !!lazyEntries;
  self.decodeStrings = !!decodeStrings;
  self.validateEntrySizes = !!validateEntrySizes;
  self.strictFileNames = !!strictFileNames;
  self.isOpen = true;
  self.emittedError = false;
  self.hasEachEntryBeenCalled = false;

  if (!self.lazyEntries) self._readEntry();
}
ZipFile.prototype.close = function() {
  if (!this.isOpen) return;
  this.isOpen = false;
  this.reader.unref();
};

function emitErrorAndAutoClose(self, err) {
  if (self.autoClose) self.close();
  emitError(self, err);
}
function emitError(self, err) {
  if (self.emittedError) return;
  self.emittedError = true;
  self.emit("error", err);
}

ZipFile.prototype.readEntry = function() {
  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
  this._readEntry();
};
ZipFile.prototype._readEntry = function() {
  var self = this;
  if (self.entryCount === self.entriesRead) {
    // done with metadata
    setImmediate(function() {
      if (self.autoClose) self.close();
      if (self.emittedError) return;
      self.emit("end");
    });
    return;
  }
  if (self.emittedError) return;
  var buffer = newBuffer(46);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
    if (err) return emitErrorAndAutoClose(self, err);
    if (self.emittedError) return;
    var entry = new Entry();
    // 0 - Central directory file header signature
    var signature = buffer.readUInt32LE(0);
    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
    // 4 - Version made by
    entry.versionMadeBy = buffer.readUInt16LE(4);
    // 6 - Version needed to extract (minimum)
    entry.versionNeededToExtract = buffer.readUInt16LE(6);
    // 8 - General purpose bit flag
    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
    // 10 - Compression method
    entry.compressionMethod = buffer.readUInt16LE(10);
    // 12 - File last modification time
    entry.lastModFileTime = buffer.readUInt16LE(12);
    // 14 - File last modification date
    entry.lastModFileDate = buffer.readUInt16LE(14);
    // 16 - CRC-32
    entry.crc32 = buffer.readUInt32LE(16);
    // 20 - Compressed size
    entry.compressedSize = buffer.readUInt32LE(20);
    // 24 - Uncompressed size
    entry.uncompressedSize = buffer.readUInt32LE(24);
    // 28 - File name length (n)
    entry.fileNameLength = buffer.readUInt16LE(28);
    // 30 - Extra field length (m)
    entry.extraFieldLength = buffer.readUInt16LE(30);
    // 32 - File comment length (k)
    entry.fileCommentLength = buffer.readUInt16LE(32);
    // 34 - Disk number where file starts
    // 36 - Internal file attributes
    entry.internalFileAttributes = buffer.readUInt16LE(36);
    // 38 - External file attributes
    entry.externalFileAttributes = buffer.readUInt32LE(38);
    // 42 - Relative offset of local file header
    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

    self.readEntryCursor += 46;

    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
      if (err) return emitErrorAndAutoClose(self, err);
      if (self.emittedError) return;
      // 46 - File name
      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
      // 46+n - Extra field
      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
      // 46+n+m - File comment
      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

      // Parse the extra fields, which we need for processing other fields.
      try {
        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
      } catch (err) {
        return emitErrorAndAutoClose(self, err);
      }

      // Interpret strings according to bit flags, extra fields, and options.
      if (self.decodeStrings) {
        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
        var errorMessage = validateFileName(entry.fileName);
        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
      } else {
        entry.fileComment = entry.fileCommentRaw;
        entry.fileName = entry.fileNameRaw;
      }
      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
      entry.comment = entry.fileComment;

      self.readEntryCursor += buffer.length;
      self.entriesRead += 1;

      // Check for the Zip64 Extended Information Extra Field.
      for (var i = 0; i < entry.extraFields.length; i++) {
        var extraField = entry.extraFields[i];
        if (extraField.id !== 0x0001) continue;
        // Found it.

        var zip64EiefBuffer = extraField.data;
        var index = 0;
        // 0 - Original Size          8 bytes
        if (entry.uncompressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
          }
          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 8 - Compressed Size        8 bytes
        if (entry.compressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
          }
          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 16 - Relative Header Offset 8 bytes
        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
          }
          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 24 - Disk Start Number      4 bytes

        break;
      }

      // validate file size
      if (self.validateEntrySizes && entry.compressionMethod === 0) {
        var expectedCompressedSize = entry.uncompressedSize;
        if (entry.isEncrypted()) {
          // traditional encryption prefixes the file data with a header
          expectedCompressedSize += 12;
        }
        if (entry.compressedSize !== expectedCompressedSize) {
          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
          return emitErrorAndAutoClose(self, new Error(msg));
        }
      }

      self.emit("entry", entry);

      if (!self.lazyEntries) self._readEntry();
    });
  });
};

ZipFile.prototype.eachEntry = function() {
  const self = this;
  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
  self.hasEachEntryBeenCalled = true;

  let pendingResolveReject = null;
  self.on("entry", onEntry);
  self.on("end", onEnd);
  self.on("error", onError);
  function cleanup() {
    self.removeListener("entry", onEntry);
    self.removeListener("end", onEnd);
    self.removeListener("error", onError);
    if (self.autoClose) self.close();
  }

  function onEntry(entry) {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    resolve({value: entry});
  }
  function onEnd() {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    resolve({done: true});
  }
  function onError(err) {
    let {reject} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    reject(err);
  }

  return {
    [Symbol.asyncIterator]() {
      // Called once by `for await...of`.
      return this;
    },
    next() {
      // Called on each iteration in a `for await...of`.
      const promise = new Promise((resolve, reject) => {
        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
        pendingResolveReject = {resolve, reject};
      });
      self.readEntry();
      return promise;
    },
    return(value) {
      // Called when breaking, returning, throwing out of a `for await...of`.
      cleanup();
      return Promise.resolve({done: true, value});
    },
    throw(value) {
      // Almost never called. Something about `yield*` maybe?
      cleanup();
      return Promise.reject(value);
    },
  };
};

ZipFile.prototype.openReadStream = function(entry, options, callback) {
  var self = this;
  // parameter validation
  var relativeStart = 0;
  var relativeEnd = entry.compressedSize;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) {
    options = {};
  } else {
    if (options.decodeFileData === false) {
      // new, simple option
      if (options.decrypt != null) {
        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
      }
      if (options.decompress != null) {
        throw new Error("cannot use options.decompress when options.decodeFileData === false");
      }
      // start and end are allowed
    } else {
      // old, complicated options
      if (options.decrypt != null) {
        if (!entry.isEncrypted()) {
          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
        }
        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
        if (entry.isCompressed()) {
          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
        }
      }
      if (options.decompress != null) {
        if (!entry.isCompressed()) {
          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
        }
        if (!(options.decompress === false || options.decompress === true)) {
          throw new Error("invalid options.decompress value: " + options.decompress);
        }
        decompress = options.decompress;
      }
    }
    if (options.start != null) {
      relativeStart = options.start;
      if (relativeStart < 0) throw new Error("options.start < 0");
      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
    }
    if (options.end != null) {
      relativeEnd = options.end;
      if (relativeEnd < 0) throw new Error("options.end < 0");
      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
    }
  }
  var rawMode = (
    options.decodeFileData === false || // Explicitly requested raw.
    (
      (entry.compressionMethod === 0 || // Naturally without compression.
        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
      ) &&
      (!entry.isEncrypted() || // Naturally without encryption.
        options.decrypt === false // Deprecated encryption bypass option.
      )
    )
  );
  if (options.start != null || options.end != null) {
    // Ensure slicing deals with raw data.
    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
  }

  // any further errors can either be caused by the zipfile,
  // or were introduced in a minor version of yauzl,
  // so should be passed to the client rather than thrown.
  if (!self.isOpen) return callback(new Error("closed"));
  if (entry.isEncrypted() && !rawMode) {
    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
  }
  var decompress;
  if (rawMode) {
    decompress = false;
  } else if (entry.compressionMethod === 8) {
    // 8 - The file is Deflated
    decompress = options.decodeFileData !== true;
  } else {
    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
  }

  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
    if (err) return callback(err);
    self.openReadStreamLowLevel(
      localFileHeader.fileDataStart, entry.compressedSize,
      relativeStart, relativeEnd,
      decompress, entry.uncompressedSize,
      callback);
  });
};

ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
  var self = this;

  var fileDataEnd = fileDataStart + compressedSize;
  var readStream = self.reader.createReadStream({
    start: fileDataStart + relativeStart,
    end: fileDataStart + relativeEnd,
  });
  var endpointStream = readStream;
  if (decompress) {
    var destroyed = false;
    var inflateFilter = zlib.createInflateRaw();
    readStream.on("error", function(err) {
      // setImmediate here because errors can be emitted during the first call to pipe()
      setImmediate(function() {
        if (!destroyed) inflateFilter.emit("error", err);
      });
    });
    readStream.pipe(inflateFilter);

    if (self.validateEntrySizes) {
      endpointStream = new AssertByteCountStream(uncompressedSize);
      inflateFilter.on("error", function(err) {
        // forward zlib errors to the client-visible stream
        setImmediate(function() {
          if (!destroyed) endpointStream.emit("error", err);
        });
      });
      inflateFilter.pipe(endpointStream);
    } else {
      // the zlib filter is the client-visible stream
      endpointStream = inflateFilter;
    }
    // this is part of yauzl's API, so implement this function on the client-visible stream
    installDestroyFn(endpointStream, function() {
      destroyed = true;
      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
      readStream.unpipe(inflateFilter);
      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
      readStream.destroy();
    });
  }
  callback(null, endpointStream);
};

ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
  var self = this;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) options = {};

  self.reader.ref();
  var buffer = newBuffer(30);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
    try {
      if (err) return callback(err);
      // 0 - Local file header signature = 0x04034b50
      var signature = buffer.readUInt32LE(0);
      if (signature !== 0x04034b50) {
        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
      }

      var fileNameLength = buffer.readUInt16LE(26);
      var extraFieldLength = buffer.readUInt16LE(28);
      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
      // We now have enough information to do this bounds check.
      if (fileDataStart + entry.compressedSize > self.fileSize) {
        return callback(new Error("file data overflows file bounds: " +
            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
      }

      if (options.minimal) {
        return callback(null, {fileDataStart: fileDataStart});
      }

      var localFileHeader = new LocalFileHeader();
      localFileHeader.fileDataStart = fileDataStart;

      // 4 - Version needed to extract (minimum)
      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
      // 6 - General purpose bit flag
      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
      // 8 - Compression method
      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
      // 10 - File last modification time
      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
      // 12 - File last modification date
      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
      // 14 - CRC-32
      localFileHeader.crc32 = buffer.readUInt32LE(14);
      // 18 - Compressed size
      localFileHeader.compressedSize = buffer.readUInt32LE(18);
      // 22 - Uncompressed size
      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
      // 26 - File name length (n)
      localFileHeader.fileNameLength = fileNameLength;
      // 28 - Extra field length (m)
      localFileHeader.extraFieldLength = extraFieldLength;
      // 30 - File name
      // 30+n - Extra field

      buffer = newBuffer(fileNameLength + extraFieldLength);
      self.reader.ref();
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
        try {
          if (err) return callback(err);
          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
          localFileHeader.extraField = buffer.subarray(fileNameLength);
          return callback(null, localFileHeader);
        } finally {
          self.reader.unref();
        }
      });
    } finally {
      self.reader.unref();
    }
  });
};

ZipFile.prototype.openReadStreamPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.openReadStream(entry, options, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
  return new Promise((resolve, reject) => {
    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
      if (err) return reject(err);
      resolve(localFileHeader);
    });
  });
};

function Entry() {
}
Entry.prototype.getLastModDate = function(options) {
  if (options == null) options = {};

  if (!options.forceDosFormat) {
    // Check extended fields.
    for (var i = 0; i < this.extraFields.length; i++) {
      var extraField = this.extraFields[i];
      if (extraField.id === 0x5455) {
        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
        var data = extraField.data;
        if (data.length < 5) continue; // Too short.
        // The flags define which of the three fields are present: mtime, atime, ctime.
        // We only care about mtime.
        // Also, ctime is never included in practice.
        // And also, atime is only included in the local file header for some reason
        // despite the flags lying about its inclusion in the central header.
        var flags = data[0];
        var HAS_MTIME = 1;
        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
        // Although the positions of all of the fields shift around depending on the presence of other fields,
        // mtime is always first if present, and that's the only one we care about.
        var posixTimestamp = data.readInt32LE(1);
        return new Date(posixTimestamp * 1000);
      } else if (extraField.id === 0x000a) {
        var data = extraField.data;
        if (data.length !== 32) continue; // The length is always the same.
        // 4 bytes reserved
        // 2 bytes Tag
        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
        // 2 bytes Size
        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
        // 8 bytes Mtime
        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
        // Convert from NTFS to POSIX milliseconds.
        // The big number below is the milliseconds between year 1601 and year 1970
        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
        // and NTFS timestamps are typically much bigger than that limit.
        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
        // Up through the year 2057, this conversion only drops 4 bits of precision,
        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
        return new Date(millisecondsSince1970);
      }
    }
  }

  // Fallback to non-extended encoding.
  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
};

Entry.prototype.canDecodeFileData = function() {
  return (
    !this.isEncrypted() &&
    (this.compressionMethod === 0 || this.compressionMethod === 8)
  );
};
Entry.prototype.isEncrypted = function() {
  return (this.generalPurposeBitFlag & 0x1) !== 0;
};
Entry.prototype.isCompressed = function() {
  return this.compressionMethod === 8;
};

function LocalFileHeader() {
}

function dosDateTimeToDate(date, time, timezone) {
  var day = date & 0x1f; // 1-31
  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

  var millisecond = 0;
  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
  var minute = time >> 5 & 0x3f; // 0-59
  var hour = time >> 11 & 0x1f; // 0-23

  if (timezone == null || timezone === "local") {
    return new Date(year, month, day, hour, minute, second, millisecond);
  } else if (timezone === "UTC") {
    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
  } else {
    throw new Error("unrecognized options.timezone: " + options.timezone);
  }
}

function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
  var fileName = null;

  // check for Info-ZIP Unicode Path Extra Field (0x7075)
  // see https://github.com/thejoshwolfe/yauzl/issues/33
  for (var i = 0; i < extraFields.length; i++) {
    var extraField = extraFields[i];
    if (extraField.id === 0x7075) {
      if (extraField.data.length < 6) {
        // too short to be meaningful
        continue;
      }
      // Version       1 byte      version of this extra field, currently 1
      if (extraField.data.readUInt8(0) !== 1) {
        // > Changes may not be backward compatible so this extra
        // > field should not be used if the version is not recognized.
        continue;
      }
      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
      var oldNameCrc32 = extraField.data.readUInt32LE(1);
      if (crc32(fileNameBuffer) !== oldNameCrc32) {
        // > If the CRC check fails, this UTF-8 Path Extra Field should be
        // > ignored and the File Name field in the header should be used instead.
        continue;
      }
      // UnicodeName   Variable    UTF-8 version of the entry File Name
      fileName = decodeBuffer(extraField.data.subarray(5), true);
      break;
    }
  }

  if (fileName == null) {
    // The typical case.
    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
    fileName = decodeBuffer(fileNameBuffer, isUtf8);
  }

  if (!strictFileNames) {
    // Allow backslash.
    fileName = fileName.replace(/\\/g, "/");
  }
  return fileName;
}

function validateFileName(fileName) {
  if (fileName.indexOf("\\") !== -1) {
    return "invalid characters in fileName: " + fileName;
  }
  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
    return "absolute path: " + fileName;
  }
  if (fileName.split("/").indexOf("..") !== -1) {
    return "invalid relative path: " + fileName;
  }
  // all good
  return null;
}

function parseExtraFields(extraFieldBuffer) {
  var extraFields = [];
  var i = 0;
  while (i < extraFieldBuffer.length - 3) {
    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
    var dataStart = i + 4;
    var dataEnd = dataStart + dataSize;
    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
    extraFields.push({
      id: headerId,
      data: dataBuffer,
    });
    i = dataEnd;
  }
  return extraFields;
}

function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
  if (length === 0) {
    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
    return setImmediate(function() { callback(null, newBuffer(0)); });
  }
  reader.read(buffer, offset, length, position, function(err, bytesRead) {
    if (err) return callback(err);
    if (bytesRead < length) {
      return callback(new Error("unexpected EOF"));
    }
    callback();
  });
}

util.inherits(AssertByteCountStream, Transform);
function AssertByteCountStream(byteCount) {
  Transform.call(this);
  this.actualByteCount = 0;
  this.expectedByteCount = byteCount;
}
AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
  this.actualByteCount += chunk.length;
  if (this.actualByteCount > this.expectedByteCount) {
    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb(null, chunk);
};
AssertByteCountStream.prototype._flush = function(cb) {
  if (this.actualByteCount < this.expectedByteCount) {
    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb();
};

util.inherits(RandomAccessReader, EventEmitter);
function RandomAccessReader() {
  EventEmitter.call(this);
  this.refCount = 0;
}
RandomAccessReader.prototype.ref = function() {
  this.refCount += 1;
};
RandomAccessReader.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;

  if (self.refCount > 0) return;
  if (self.refCount < 0) throw new Error("invalid unref");

  self.close(onCloseDone);

  function onCloseDone(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  }
};
RandomAccessReader.prototype.createReadStream = function(options) {
  if (options == null) options = {};
  var start = options.start;
  var end = options.end;
  if (start === end) {
    var emptyStream = new PassThrough();
    setImmediate(function() {
      emptyStream.end();
    });
    return emptyStream;
  }
  var stream = this._readStreamForRange(start, end);

  var destroyed = false;
  var refUnrefFilter = new RefUnrefFilter(this);
  stream.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) refUnrefFilter.emit("error", err);
    });
  });
  installDestroyFn(refUnrefFilter, function() {
    stream.unpipe(refUnrefFilter);
    refUnrefFilter.unref();
    stream.destroy();
  });

  var byteCounter = new AssertByteCountStream(end - start);
  refUnrefFilter.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) byteCounter.emit("error", err);
    });
  });
  installDestroyFn(byteCounter, function() {
    destroyed = true;
    refUnrefFilter.unpipe(byteCounter);
    refUnrefFilter.destroy();
  });

  return stream.pipe(refUnrefFilter).pipe(byteCounter);
};
RandomAccessReader.prototype._readStreamForRange = function(start, end) {
  throw new Error("not implemented");
};
RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
  var readStream = this.createReadStream({start: position, end: position + length});
  var writeStream = new Writable();
  var written = 0;
  writeStream._write = function(chunk, encoding, cb) {
    chunk.copy(buffer, offset + written, 0, chunk.length);
    written += chunk.length;
    cb();
  };
  writeStream.on("finish", callback);
  readStream.on("error", function(error) {
    callback(error);
  });
  readStream.pipe(writeStream);
};
RandomAccessReader.prototype.close = function(callback) {
  setImmediate(callback);
};

util.inherits(RefUnrefFilter, PassThrough);
function RefUnrefFilter(context) {
  PassThrough.call(this);
  this.context = context;
  this.context.ref();
  this.unreffedYet = false;
}
RefUnrefFilter.prototype._flush = function(cb) {
  this.unref();
  cb();
};
RefUnrefFilter.prototype.unref = function(cb) {
  if (this.unreffedYet) return;
  this.unreffedYet = true;
  this.context.unref();
};

var cp437 = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
function decodeBuffer(buffer, isUtf8) {
  if (isUtf8) {
    return buffer.toString("utf8");
  } else {
    var result = "";
    for (var i = 0; i < buffer.length; i++) {
      result += cp437[buffer[i]];
    }
    return result;
  }
}

function readUInt64LE(buffer, offset) {
  // There is no native function for this, because we can't actually store 64-bit integers precisely.
  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
  // As of 2020, Node has added support for BigInt, which obviates this whole function,
  // but yauzl hasn't been updated to depend on BigInt (yet?).
  var lower32 = buffer.readUInt32LE(offset);
  var upper32 = buffer.readUInt32LE(offset + 4);
  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
  return upper32 * 0x100000000 + lower32;
  // as long as we're bounds checking the result of this function against the total file size,
  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
}

// Node 10 deprecated new Buffer().
var newBuffer;
if (typeof Buffer.allocUnsafe === "function") {
  newBuffer = function(len) {
    return Buffer.allocUnsafe(len);
  };
} else {
  newBuffer = function(len) {
    return new Buffer(len);
  };
}

// Node 8 introduced a proper destroy() implementation on writable streams.
function installDestroyFn(stream, fn) {
  if (typeof stream.destroy === "function") {
    // New API.
    stream._destroy = function(err, cb) {
      fn();
      if (cb != null) cb(err);
    };
  } else {
    // Old API.
    stream.destroy = fn;
  }
}

function defaultCallback(err) {
  if (err) throw err;
}


/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./lib/core/errors.js
// Failures of the run that are not 1fichier's: each says what happened and what to do.
/** What went wrong, in words, whatever was thrown (an Error, or anything else). */
function errors_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Whatever was thrown, as an Error (a rejection or a rethrow must be one). */
function errors_asError(error) {
    return error instanceof Error ? error : new Error(String(error));
}
/**
 * What went wrong without the advice that follows it, for a line that goes on to say what happens
 * next: an error's own headline when it has one (1fichier's failures), else its message.
 */
function headlineOf(error) {
    const headline = error?.headline;
    return typeof headline === 'string' ? headline : errors_messageOf(error);
}
/** A failure whose message is the whole story for the user: printed as one line, no stack trace. */
class errors_BackupError extends Error {
    name = 'BackupError';
}
/** Nothing matched `path` and if-no-files-found is `error`. */
class NoFilesError extends (/* unused pure expression or super */ null && (errors_BackupError)) {
    name = 'NoFilesError';
}
/** The uploaded copy is not what was sent, or not where it was sent. */
class VerificationError extends (/* unused pure expression or super */ null && (errors_BackupError)) {
    name = 'VerificationError';
}
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);
/**
 * A failure of the disk the zip is written on, in one line that names the folder and what to do;
 * undefined for any other error. Never "Unexpected failure" for a full disk or a missing folder.
 */
function diskFailure(error, temp, doing, 
/** What the failure left, said last. */
left = 'Nothing was uploaded or deleted.') {
    const { code, path: failedPath } = (error ?? {});
    if (code === undefined)
        return undefined;
    // An error of a file outside the folder (one being backed up) is not the folder's.
    if (typeof failedPath === 'string' && !failedPath.startsWith(temp.path))
        return undefined;
    const where = `'${temp.path}'`;
    const elsewhere = `or set ${temp.setting} to a folder on a disk with room`;
    if (DISK_FULL.has(code))
        return new errors_BackupError(`${doing} in ${where} failed: the disk is full (${code}). Free space there, ${elsewhere}. ${left}`);
    if (NOT_WRITABLE.has(code))
        return new errors_BackupError(`${doing} in ${where} failed: the folder is not writable (${code}). Make it writable, ${elsewhere}. ${left}`);
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return new errors_BackupError(`${doing} in ${where} failed: the folder does not exist (${code}). Create it, or set ${temp.setting} to a ` +
            `folder that exists. ${left}`);
    if (code === 'EIO')
        return new errors_BackupError(`${doing} in ${where} failed: the disk reported an I/O error (EIO). Check the disk, ${elsewhere}. ${left}`);
    return undefined;
}
/** The series (its folder) or the chosen backup does not exist: exit code 10 (restic's "no repository"). */
class errors_NoBackupFoundError extends (/* unused pure expression or super */ null && (errors_BackupError)) {
    name = 'NoBackupFoundError';
}
/** The archive password is missing or does not open the backup: exit code 12 (restic's "wrong password"). */
class errors_ArchivePasswordError extends errors_BackupError {
    name = 'ArchivePasswordError';
}
/** Another run of the same series holds its lock: this one changed nothing (exit code 11, as restic). */
class errors_SeriesLockedError extends (/* unused pure expression or super */ null && (errors_BackupError)) {
    name = 'SeriesLockedError';
}

;// CONCATENATED MODULE: external "node:sea"
const external_node_sea_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sea");
;// CONCATENATED MODULE: ./lib/platform/worker-script.js
// Where a worker thread's code comes from, the one way every worker is started: from the file beside
// the module that starts it (lib/ as compiled, the bundle's folder as bundled; under the tests, which
// run the module from src/, the compiled file in lib/ that their global setup builds), or, in the standalone executable
// (Node's single executable application, scripts/build-binary.mjs), from the asset of that name the
// executable carries: it has no files beside it. The asset is the worker's own bundle, as CommonJS,
// which is how Node runs the code of a worker started with `eval: true`.
// https://nodejs.org/api/single-executable-applications.html#seagetassetkey-encoding

/**
 * The worker `name` (e.g. 'checksum-worker.js') for the module at `moduleUrl` (its `import.meta.url`,
 * which the standalone executable's bundle does not have: it is not read there).
 */
function worker_script_workerScript(name, moduleUrl) {
    if (isSea())
        return { script: getAsset(name, 'utf8'), options: { eval: true } };
    const beside = new URL(`./${name}`, moduleUrl);
    const compiled = moduleUrl.endsWith('.ts') ? new URL(beside.href.replace('/src/', '/lib/')) : beside;
    return { script: compiled, options: {} };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./lib/core/format.js
// Human-readable sizes and durations for logs and the summary.
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
/** A name as a message may show it: control characters (a newline, an escape sequence) as \xNN. */
function format_escapeControl(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** A 1fichier folder as messages show it, quoted: its path, or '/' for the account's root. */
function showFolder(folder) {
    const path = typeof folder === 'string' ? folder : folder.join('/');
    return `'${format_escapeControl(path || '/')}'`;
}
/** "1 file", "2 files", "1 entry", "3 entries": a count with its noun. */
function count(n, singular, plural = `${singular}s`) {
    return `${n} ${n === 1 ? singular : plural}`;
}

;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fflate/esm/index.mjs

var esm_require = (0,external_module_namespaceObject.createRequire)('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var esm_Worker;
var isMarkedAsUntransferable;
var workerAdd = ";var __w=require('worker_threads');__w.parentPort.on('message',function(m){onmessage({data:m})}),postMessage=function(m,t){__w.parentPort.postMessage(m,t)},close=process.exit;self=global";
try {
    (_a = esm_require('worker_threads'), esm_Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}
var wk = (/* unused pure expression or super */ null && (esm_Worker ? function (c, _, msg, transfer, cb) {
    var done = false;
    var w = new esm_Worker(c + workerAdd, { eval: true })
        .on('error', function (e) { return cb(e, null); })
        .on('message', function (m) { return cb(null, m); })
        .on('exit', function (c) {
        if (c && !done)
            cb(new Error('exited with code ' + c), null);
    });
    if (isMarkedAsUntransferable)
        transfer = transfer.filter(function (t) { return !isMarkedAsUntransferable(t); });
    w.postMessage(msg, transfer);
    w.terminate = function () {
        done = true;
        return esm_Worker.prototype.terminate.call(w);
    };
    return w;
} : function (_, __, ___, ____, cb) {
    setImmediate(function () { return cb(new Error('async operations unsupported - update to Node 12+ (or Node 10-11 with the --experimental-worker CLI flag)'), null); });
    var NOP = function () { };
    return {
        terminate: NOP,
        postMessage: NOP
    };
}));

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// code length index map
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0), fd = _b.b, revfd = _b.r;
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// create huffman tree from u8 "map": index -> code length for code index
// mb (max bits) must be at most 15
// TODO: optimize/split up?
var hMap = (function (cd, mb, r) {
    var s = cd.length;
    // index
    var i = 0;
    // u16 "map": index -> # of codes with bit length = index
    var l = new u16(mb);
    // length of cd must be 288 (total # of codes)
    for (; i < s; ++i) {
        if (cd[i])
            ++l[cd[i] - 1];
    }
    // u16 "map": index -> minimum code for bit length = index
    var le = new u16(mb);
    for (i = 1; i < mb; ++i) {
        le[i] = (le[i - 1] + l[i - 1]) << 1;
    }
    var co;
    if (r) {
        // u16 "map": index -> number of actual bits, symbol for code
        co = new u16(1 << mb);
        // bits to remove for reverser
        var rvb = 15 - mb;
        for (i = 0; i < s; ++i) {
            // ignore 0 lengths
            if (cd[i]) {
                // num encoding both symbol and bits read
                var sv = (i << 4) | cd[i];
                // free bits
                var r_1 = mb - cd[i];
                // start value
                var v = le[cd[i] - 1]++ << r_1;
                // m is end value
                for (var m = v | ((1 << r_1) - 1); v <= m; ++v) {
                    // every 16 bit value starting with the code yields the same result
                    co[rev[v] >> rvb] = sv;
                }
            }
        }
    }
    else {
        co = new u16(s);
        for (i = 0; i < s; ++i) {
            if (cd[i]) {
                co[i] = rev[le[cd[i] - 1]++] >> (15 - cd[i]);
            }
        }
    }
    return co;
});
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// fixed length map
var flm = /*#__PURE__*/ (/* unused pure expression or super */ null && (hMap(flt, 9, 0))), flrm = /*#__PURE__*/ hMap(flt, 9, 1);
// fixed distance map
var fdm = /*#__PURE__*/ (/* unused pure expression or super */ null && (hMap(fdt, 5, 0))), fdrm = /*#__PURE__*/ hMap(fdt, 5, 1);
// find max of array
var max = function (a) {
    var m = a[0];
    for (var i = 1; i < a.length; ++i) {
        if (a[i] > m)
            m = a[i];
    }
    return m;
};
// read d, starting at bit p and mask with m
var bits = function (d, p, m) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
// read d, starting at bit p continuing for at least 16 bits
var bits16 = function (d, p) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7));
};
// get end of byte
var shft = function (p) { return ((p + 7) / 8) | 0; };
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
/**
 * Codes for errors generated within this library
 */
var FlateErrorCode = {
    UnexpectedEOF: 0,
    InvalidBlockType: 1,
    InvalidLengthLiteral: 2,
    InvalidDistance: 3,
    StreamFinished: 4,
    NoStreamHandler: 5,
    InvalidHeader: 6,
    NoCallback: 7,
    InvalidUTF8: 8,
    ExtraFieldTooLong: 9,
    InvalidDate: 10,
    FilenameTooLong: 11,
    StreamFinishing: 12,
    InvalidZipData: 13,
    UnknownCompressionMethod: 14
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
;
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// expands raw DEFLATE data
var inflt = function (dat, st, buf, dict) {
    // source length       dict length
    var sl = dat.length, dl = dict ? dict.length : 0;
    if (!sl || st.f && !st.l)
        return buf || new u8(0);
    var noBuf = !buf;
    // have to estimate size
    var resize = noBuf || st.i != 2;
    // no state
    var noSt = st.i;
    // Assumes roughly 33% compression ratio average
    if (noBuf)
        buf = new u8(sl * 3);
    // ensure buffer can fit at least l elements
    var cbuf = function (l) {
        var bl = buf.length;
        // need to increase size to fit
        if (l > bl) {
            // Double or set to necessary, whichever is greater
            var nbuf = new u8(Math.max(bl * 2, l));
            nbuf.set(buf);
            buf = nbuf;
        }
    };
    //  last chunk         bitpos           bytes
    var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
    // total bits
    var tbts = sl * 8;
    do {
        if (!lm) {
            // BFINAL - this is only 1 when last chunk is next
            final = bits(dat, pos, 1);
            // type: 0 = no compression, 1 = fixed huffman, 2 = dynamic huffman
            var type = bits(dat, pos + 1, 3);
            pos += 3;
            if (!type) {
                // go to end of byte boundary
                var s = shft(pos) + 4, l = dat[s - 4] | (dat[s - 3] << 8), t = s + l;
                if (t > sl) {
                    if (noSt)
                        err(0);
                    break;
                }
                // ensure size
                if (resize)
                    cbuf(bt + l);
                // Copy over uncompressed data
                buf.set(dat.subarray(s, t), bt);
                // Get new bitpos, update byte count
                st.b = bt += l, st.p = pos = t * 8, st.f = final;
                continue;
            }
            else if (type == 1)
                lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
            else if (type == 2) {
                //  literal                            lengths
                var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
                var tl = hLit + bits(dat, pos + 5, 31) + 1;
                pos += 14;
                // length+distance tree
                var ldt = new u8(tl);
                // code length tree
                var clt = new u8(19);
                for (var i = 0; i < hcLen; ++i) {
                    // use index map to get real code
                    clt[clim[i]] = bits(dat, pos + i * 3, 7);
                }
                pos += hcLen * 3;
                // code lengths bits
                var clb = max(clt), clbmsk = (1 << clb) - 1;
                // code lengths map
                var clm = hMap(clt, clb, 1);
                for (var i = 0; i < tl;) {
                    var r = clm[bits(dat, pos, clbmsk)];
                    // bits read
                    pos += r & 15;
                    // symbol
                    var s = r >> 4;
                    // code length to copy
                    if (s < 16) {
                        ldt[i++] = s;
                    }
                    else {
                        //  copy   count
                        var c = 0, n = 0;
                        if (s == 16)
                            n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
                        else if (s == 17)
                            n = 3 + bits(dat, pos, 7), pos += 3;
                        else if (s == 18)
                            n = 11 + bits(dat, pos, 127), pos += 7;
                        while (n--)
                            ldt[i++] = c;
                    }
                }
                //    length tree                 distance tree
                var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
                // max length bits
                lbt = max(lt);
                // max dist bits
                dbt = max(dt);
                lm = hMap(lt, lbt, 1);
                dm = hMap(dt, dbt, 1);
            }
            else
                err(1);
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
        }
        // Make sure the buffer can hold this + the largest possible addition
        // Maximum chunk size (practically, theoretically infinite) is 2^17
        if (resize)
            cbuf(bt + 131072);
        var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
        var lpos = pos;
        for (;; lpos = pos) {
            // bits read, code
            var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
            pos += c & 15;
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
            if (!c)
                err(2);
            if (sym < 256)
                buf[bt++] = sym;
            else if (sym == 256) {
                lpos = pos, lm = null;
                break;
            }
            else {
                var add = sym - 254;
                // no extra bits needed if less
                if (sym > 264) {
                    // index
                    var i = sym - 257, b = fleb[i];
                    add = bits(dat, pos, (1 << b) - 1) + fl[i];
                    pos += b;
                }
                // dist
                var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
                if (!d)
                    err(3);
                pos += d & 15;
                var dt = fd[dsym];
                if (dsym > 3) {
                    var b = fdeb[dsym];
                    dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
                }
                if (pos > tbts) {
                    if (noSt)
                        err(0);
                    break;
                }
                if (resize)
                    cbuf(bt + 131072);
                var end = bt + add;
                if (bt < dt) {
                    var shift = dl - dt, dend = Math.min(dt, end);
                    if (shift + bt < 0)
                        err(3);
                    for (; bt < dend; ++bt)
                        buf[bt] = dict[shift + bt];
                }
                for (; bt < end; ++bt)
                    buf[bt] = buf[bt - dt];
            }
        }
        st.l = lm, st.p = lpos, st.b = bt, st.f = final;
        if (lm)
            final = 1, st.m = lbt, st.d = dm, st.n = dbt;
    } while (!final);
    // don't reallocate for streams or user buffers
    return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
// starting at p, write the minimum number of bits that can hold v to d
var wbits = function (d, p, v) {
    v <<= p & 7;
    var o = (p / 8) | 0;
    d[o] |= v;
    d[o + 1] |= v >> 8;
};
// starting at p, write the minimum number of bits (>8) that can hold v to d
var wbits16 = function (d, p, v) {
    v <<= p & 7;
    var o = (p / 8) | 0;
    d[o] |= v;
    d[o + 1] |= v >> 8;
    d[o + 2] |= v >> 16;
};
// creates code lengths from a frequency table
var hTree = function (d, mb) {
    // Need extra info to make a tree
    var t = [];
    for (var i = 0; i < d.length; ++i) {
        if (d[i])
            t.push({ s: i, f: d[i] });
    }
    var s = t.length;
    var t2 = t.slice();
    if (!s)
        return { t: et, l: 0 };
    if (s == 1) {
        var v = new u8(t[0].s + 1);
        v[t[0].s] = 1;
        return { t: v, l: 1 };
    }
    t.sort(function (a, b) { return a.f - b.f; });
    // after i2 reaches last ind, will be stopped
    // freq must be greater than largest possible number of symbols
    t.push({ s: -1, f: 25001 });
    var l = t[0], r = t[1], i0 = 0, i1 = 1, i2 = 2;
    t[0] = { s: -1, f: l.f + r.f, l: l, r: r };
    // efficient algorithm from UZIP.js
    // i0 is lookbehind, i2 is lookahead - after processing two low-freq
    // symbols that combined have high freq, will start processing i2 (high-freq,
    // non-composite) symbols instead
    // see https://reddit.com/r/photopea/comments/ikekht/uzipjs_questions/
    while (i1 != s - 1) {
        l = t[t[i0].f < t[i2].f ? i0++ : i2++];
        r = t[i0 != i1 && t[i0].f < t[i2].f ? i0++ : i2++];
        t[i1++] = { s: -1, f: l.f + r.f, l: l, r: r };
    }
    var maxSym = t2[0].s;
    for (var i = 1; i < s; ++i) {
        if (t2[i].s > maxSym)
            maxSym = t2[i].s;
    }
    // code lengths
    var tr = new u16(maxSym + 1);
    // max bits in tree
    var mbt = ln(t[i1 - 1], tr, 0);
    if (mbt > mb) {
        // more algorithms from UZIP.js
        // TODO: find out how this code works (debt)
        //  ind    debt
        var i = 0, dt = 0;
        //    left            cost
        var lft = mbt - mb, cst = 1 << lft;
        t2.sort(function (a, b) { return tr[b.s] - tr[a.s] || a.f - b.f; });
        for (; i < s; ++i) {
            var i2_1 = t2[i].s;
            if (tr[i2_1] > mb) {
                dt += cst - (1 << (mbt - tr[i2_1]));
                tr[i2_1] = mb;
            }
            else
                break;
        }
        dt >>= lft;
        while (dt > 0) {
            var i2_2 = t2[i].s;
            if (tr[i2_2] < mb)
                dt -= 1 << (mb - tr[i2_2]++ - 1);
            else
                ++i;
        }
        for (; i >= 0 && dt; --i) {
            var i2_3 = t2[i].s;
            if (tr[i2_3] == mb) {
                --tr[i2_3];
                ++dt;
            }
        }
        mbt = mb;
    }
    return { t: new u8(tr), l: mbt };
};
// get the max length and assign length codes
var ln = function (n, l, d) {
    return n.s == -1
        ? Math.max(ln(n.l, l, d + 1), ln(n.r, l, d + 1))
        : (l[n.s] = d);
};
// length codes generation
var lc = function (c) {
    var s = c.length;
    // Note that the semicolon was intentional
    while (s && !c[--s])
        ;
    var cl = new u16(++s);
    //  ind      num         streak
    var cli = 0, cln = c[0], cls = 1;
    var w = function (v) { cl[cli++] = v; };
    for (var i = 1; i <= s; ++i) {
        if (c[i] == cln && i != s)
            ++cls;
        else {
            if (!cln && cls > 2) {
                for (; cls > 138; cls -= 138)
                    w(32754);
                if (cls > 2) {
                    w(cls > 10 ? ((cls - 11) << 5) | 28690 : ((cls - 3) << 5) | 12305);
                    cls = 0;
                }
            }
            else if (cls > 3) {
                w(cln), --cls;
                for (; cls > 6; cls -= 6)
                    w(8304);
                if (cls > 2)
                    w(((cls - 3) << 5) | 8208), cls = 0;
            }
            while (cls--)
                w(cln);
            cls = 1;
            cln = c[i];
        }
    }
    return { c: cl.subarray(0, cli), n: s };
};
// calculate the length of output from tree, code lengths
var clen = function (cf, cl) {
    var l = 0;
    for (var i = 0; i < cl.length; ++i)
        l += cf[i] * cl[i];
    return l;
};
// writes a fixed block
// returns the new bit pos
var wfblk = function (out, pos, dat) {
    // no need to write 00 as type: TypedArray defaults to 0
    var s = dat.length;
    var o = shft(pos + 2);
    out[o] = s & 255;
    out[o + 1] = s >> 8;
    out[o + 2] = out[o] ^ 255;
    out[o + 3] = out[o + 1] ^ 255;
    for (var i = 0; i < s; ++i)
        out[o + i + 4] = dat[i];
    return (o + 4 + s) * 8;
};
// writes a block
var wblk = function (dat, out, final, syms, lf, df, eb, li, bs, bl, p) {
    wbits(out, p++, final);
    ++lf[256];
    var _a = hTree(lf, 15), dlt = _a.t, mlb = _a.l;
    var _b = hTree(df, 15), ddt = _b.t, mdb = _b.l;
    var _c = lc(dlt), lclt = _c.c, nlc = _c.n;
    var _d = lc(ddt), lcdt = _d.c, ndc = _d.n;
    var lcfreq = new u16(19);
    for (var i = 0; i < lclt.length; ++i)
        ++lcfreq[lclt[i] & 31];
    for (var i = 0; i < lcdt.length; ++i)
        ++lcfreq[lcdt[i] & 31];
    var _e = hTree(lcfreq, 7), lct = _e.t, mlcb = _e.l;
    var nlcc = 19;
    for (; nlcc > 4 && !lct[clim[nlcc - 1]]; --nlcc)
        ;
    var flen = (bl + 5) << 3;
    var ftlen = clen(lf, flt) + clen(df, fdt) + eb;
    var dtlen = clen(lf, dlt) + clen(df, ddt) + eb + 14 + 3 * nlcc + clen(lcfreq, lct) + 2 * lcfreq[16] + 3 * lcfreq[17] + 7 * lcfreq[18];
    if (bs >= 0 && flen <= ftlen && flen <= dtlen)
        return wfblk(out, p, dat.subarray(bs, bs + bl));
    var lm, ll, dm, dl;
    wbits(out, p, 1 + (dtlen < ftlen)), p += 2;
    if (dtlen < ftlen) {
        lm = hMap(dlt, mlb, 0), ll = dlt, dm = hMap(ddt, mdb, 0), dl = ddt;
        var llm = hMap(lct, mlcb, 0);
        wbits(out, p, nlc - 257);
        wbits(out, p + 5, ndc - 1);
        wbits(out, p + 10, nlcc - 4);
        p += 14;
        for (var i = 0; i < nlcc; ++i)
            wbits(out, p + 3 * i, lct[clim[i]]);
        p += 3 * nlcc;
        var lcts = [lclt, lcdt];
        for (var it = 0; it < 2; ++it) {
            var clct = lcts[it];
            for (var i = 0; i < clct.length; ++i) {
                var len = clct[i] & 31;
                wbits(out, p, llm[len]), p += lct[len];
                if (len > 15)
                    wbits(out, p, (clct[i] >> 5) & 127), p += clct[i] >> 12;
            }
        }
    }
    else {
        lm = flm, ll = flt, dm = fdm, dl = fdt;
    }
    for (var i = 0; i < li; ++i) {
        var sym = syms[i];
        if (sym > 255) {
            var len = (sym >> 18) & 31;
            wbits16(out, p, lm[len + 257]), p += ll[len + 257];
            if (len > 7)
                wbits(out, p, (sym >> 23) & 31), p += fleb[len];
            var dst = sym & 31;
            wbits16(out, p, dm[dst]), p += dl[dst];
            if (dst > 3)
                wbits16(out, p, (sym >> 5) & 8191), p += fdeb[dst];
        }
        else {
            wbits16(out, p, lm[sym]), p += ll[sym];
        }
    }
    wbits16(out, p, lm[256]);
    return p + ll[256];
};
// deflate options (nice << 13) | chain
var deo = /*#__PURE__*/ new i32([65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632]);
// empty
var et = /*#__PURE__*/ new u8(0);
// compresses data into a raw DEFLATE buffer
var dflt = function (dat, lvl, plvl, pre, post, st) {
    var s = st.z || dat.length;
    var o = new u8(pre + s + 5 * (1 + Math.ceil(s / 7000)) + post);
    // writing to this writes to the output buffer
    var w = o.subarray(pre, o.length - post);
    var lst = st.l;
    var pos = (st.r || 0) & 7;
    if (lvl) {
        if (pos)
            w[0] = st.r >> 3;
        var opt = deo[lvl - 1];
        var n = opt >> 13, c = opt & 8191;
        var msk_1 = (1 << plvl) - 1;
        //    prev 2-byte val map    curr 2-byte val map
        var prev = st.p || new u16(32768), head = st.h || new u16(msk_1 + 1);
        var bs1_1 = Math.ceil(plvl / 3), bs2_1 = 2 * bs1_1;
        var hsh = function (i) { return (dat[i] ^ (dat[i + 1] << bs1_1) ^ (dat[i + 2] << bs2_1)) & msk_1; };
        // 24576 is an arbitrary number of maximum symbols per block
        // 424 buffer for last block
        var syms = new i32(25000);
        // length/literal freq   distance freq
        var lf = new u16(288), df = new u16(32);
        //  l/lcnt  exbits  index          l/lind  waitdx          blkpos
        var lc_1 = 0, eb = 0, i = st.i || 0, li = 0, wi = st.w || 0, bs = 0;
        for (; i + 2 < s; ++i) {
            // hash value
            var hv = hsh(i);
            // index mod 32768    previous index mod
            var imod = i & 32767, pimod = head[hv];
            prev[imod] = pimod;
            head[hv] = imod;
            // We always should modify head and prev, but only add symbols if
            // this data is not yet processed ("wait" for wait index)
            if (wi <= i) {
                // bytes remaining
                var rem = s - i;
                if ((lc_1 > 7000 || li > 24576) && (rem > 423 || !lst)) {
                    pos = wblk(dat, w, 0, syms, lf, df, eb, li, bs, i - bs, pos);
                    li = lc_1 = eb = 0, bs = i;
                    for (var j = 0; j < 286; ++j)
                        lf[j] = 0;
                    for (var j = 0; j < 30; ++j)
                        df[j] = 0;
                }
                //  len    dist   chain
                var l = 2, d = 0, ch_1 = c, dif = imod - pimod & 32767;
                if (rem > 2 && hv == hsh(i - dif)) {
                    var maxn = Math.min(n, rem) - 1;
                    var maxd = Math.min(32767, i);
                    // max possible length
                    // not capped at dif because decompressors implement "rolling" index population
                    var ml = Math.min(258, rem);
                    while (dif <= maxd && --ch_1 && imod != pimod) {
                        if (dat[i + l] == dat[i + l - dif]) {
                            var nl = 0;
                            for (; nl < ml && dat[i + nl] == dat[i + nl - dif]; ++nl)
                                ;
                            if (nl > l) {
                                l = nl, d = dif;
                                // break out early when we reach "nice" (we are satisfied enough)
                                if (nl > maxn)
                                    break;
                                // now, find the rarest 2-byte sequence within this
                                // length of literals and search for that instead.
                                // Much faster than just using the start
                                var mmd = Math.min(dif, nl - 2);
                                var md = 0;
                                for (var j = 0; j < mmd; ++j) {
                                    var ti = i - dif + j & 32767;
                                    var pti = prev[ti];
                                    var cd = ti - pti & 32767;
                                    if (cd > md)
                                        md = cd, pimod = ti;
                                }
                            }
                        }
                        // check the previous match
                        imod = pimod, pimod = prev[imod];
                        dif += imod - pimod & 32767;
                    }
                }
                // d will be nonzero only when a match was found
                if (d) {
                    // store both dist and len data in one int32
                    // Make sure this is recognized as a len/dist with 28th bit (2^28)
                    syms[li++] = 268435456 | (revfl[l] << 18) | revfd[d];
                    var lin = revfl[l] & 31, din = revfd[d] & 31;
                    eb += fleb[lin] + fdeb[din];
                    ++lf[257 + lin];
                    ++df[din];
                    wi = i + l;
                    ++lc_1;
                }
                else {
                    syms[li++] = dat[i];
                    ++lf[dat[i]];
                }
            }
        }
        for (i = Math.max(i, wi); i < s; ++i) {
            syms[li++] = dat[i];
            ++lf[dat[i]];
        }
        pos = wblk(dat, w, lst, syms, lf, df, eb, li, bs, i - bs, pos);
        if (!lst) {
            st.r = (pos & 7) | w[(pos / 8) | 0] << 3;
            // shft(pos) now 1 less if pos & 7 != 0
            pos -= 7;
            st.h = head, st.p = prev, st.i = i, st.w = wi;
        }
    }
    else {
        for (var i = st.w || 0; i < s + lst; i += 65535) {
            // end
            var e = i + 65535;
            if (e >= s) {
                // write final block
                w[(pos / 8) | 0] = lst;
                e = s;
            }
            pos = wfblk(w, pos + 1, dat.subarray(i, e));
        }
        st.i = s;
    }
    return slc(o, 0, pre + shft(pos) + post);
};
// CRC32 table
var crct = /*#__PURE__*/ (/* unused pure expression or super */ null && ((function () {
    var t = new Int32Array(256);
    for (var i = 0; i < 256; ++i) {
        var c = i, k = 9;
        while (--k)
            c = ((c & 1) && -306674912) ^ (c >>> 1);
        t[i] = c;
    }
    return t;
})()));
// CRC32
var crc = function () {
    var c = -1;
    return {
        p: function (d) {
            // closures have awful performance
            var cr = c;
            for (var i = 0; i < d.length; ++i)
                cr = crct[(cr & 255) ^ d[i]] ^ (cr >>> 8);
            c = cr;
        },
        d: function () { return ~c; }
    };
};
// Adler32
var adler = function () {
    var a = 1, b = 0;
    return {
        p: function (d) {
            // closures have awful performance
            var n = a, m = b;
            var l = d.length | 0;
            for (var i = 0; i != l;) {
                var e = Math.min(i + 2655, l);
                for (; i < e; ++i)
                    m += n += d[i];
                n = (n & 65535) + 15 * (n >> 16), m = (m & 65535) + 15 * (m >> 16);
            }
            a = n, b = m;
        },
        d: function () {
            a %= 65521, b %= 65521;
            return (a & 255) << 24 | (a & 0xFF00) << 8 | (b & 255) << 8 | (b >> 8);
        }
    };
};
;
// deflate with opts
var dopt = function (dat, opt, pre, post, st) {
    if (!st) {
        st = { l: 1 };
        if (opt.dictionary) {
            var dict = opt.dictionary.subarray(-32768);
            var newDat = new u8(dict.length + dat.length);
            newDat.set(dict);
            newDat.set(dat, dict.length);
            dat = newDat;
            st.w = dict.length;
        }
    }
    return dflt(dat, opt.level == null ? 6 : opt.level, opt.mem == null ? (st.l ? Math.ceil(Math.max(8, Math.min(13, Math.log(dat.length))) * 1.5) : 20) : (12 + opt.mem), pre, post, st);
};
// Walmart object spread
var mrg = function (a, b) {
    var o = {};
    for (var k in a)
        o[k] = a[k];
    for (var k in b)
        o[k] = b[k];
    return o;
};
// worker clone
// This is possibly the craziest part of the entire codebase, despite how simple it may seem.
// The only parameter to this function is a closure that returns an array of variables outside of the function scope.
// We're going to try to figure out the variable names used in the closure as strings because that is crucial for workerization.
// We will return an object mapping of true variable name to value (basically, the current scope as a JS object).
// The reason we can't just use the original variable names is minifiers mangling the toplevel scope.
// This took me three weeks to figure out how to do.
var wcln = function (fn, fnStr, td) {
    var dt = fn();
    var st = fn.toString();
    var ks = st.slice(st.indexOf('[') + 1, st.lastIndexOf(']')).replace(/\s+/g, '').split(',');
    for (var i = 0; i < dt.length; ++i) {
        var v = dt[i], k = ks[i];
        if (typeof v == 'function') {
            fnStr += ';' + k + '=';
            var st_1 = v.toString();
            if (v.prototype) {
                // for global objects
                if (st_1.indexOf('[native code]') != -1) {
                    var spInd = st_1.indexOf(' ', 8) + 1;
                    fnStr += st_1.slice(spInd, st_1.indexOf('(', spInd));
                }
                else {
                    fnStr += st_1;
                    for (var t in v.prototype)
                        fnStr += ';' + k + '.prototype.' + t + '=' + v.prototype[t].toString();
                }
            }
            else
                fnStr += st_1;
        }
        else
            td[k] = v;
    }
    return fnStr;
};
var ch = (/* unused pure expression or super */ null && ([]));
// clone bufs
var cbfs = function (v) {
    var tl = [];
    for (var k in v) {
        if (v[k].buffer) {
            tl.push((v[k] = new v[k].constructor(v[k])).buffer);
        }
    }
    return tl;
};
// use a worker to execute code
var wrkr = function (fns, init, id, cb) {
    if (!ch[id]) {
        var fnStr = '', td_1 = {}, m = fns.length - 1;
        for (var i = 0; i < m; ++i)
            fnStr = wcln(fns[i], fnStr, td_1);
        ch[id] = { c: wcln(fns[m], fnStr, td_1), e: td_1 };
    }
    var td = mrg({}, ch[id].e);
    return wk(ch[id].c + ';onmessage=function(e){for(var k in e.data)self[k]=e.data[k];onmessage=' + init.toString() + '}', id, td, cbfs(td), cb);
};
// base async inflate fn
var bInflt = function () { return [u8, u16, i32, fleb, fdeb, clim, fl, fd, flrm, fdrm, rev, ec, hMap, max, bits, bits16, shft, slc, err, inflt, inflateSync, pbf, gopt]; };
var bDflt = function () { return [u8, u16, i32, fleb, fdeb, clim, revfl, revfd, flm, flt, fdm, fdt, rev, deo, et, hMap, wbits, wbits16, hTree, ln, lc, clen, wfblk, wblk, shft, slc, dflt, dopt, deflateSync, pbf]; };
// gzip extra
var gze = function () { return [gzh, gzhl, wbytes, crc, crct]; };
// gunzip extra
var guze = function () { return [gzs, gzl]; };
// zlib extra
var zle = function () { return [zlh, wbytes, adler]; };
// unzlib extra
var zule = function () { return [zls]; };
// post buf
var pbf = function (msg) { return postMessage(msg, [msg.buffer]); };
// get opts
var gopt = function (o) { return o && {
    out: o.size && new u8(o.size),
    dictionary: o.dictionary
}; };
// async helper
var cbify = function (dat, opts, fns, init, id, cb) {
    var w = wrkr(fns, init, id, function (err, dat) {
        w.terminate();
        cb(err, dat);
    });
    w.postMessage([dat, opts], opts.consume ? [dat.buffer] : []);
    return function () { w.terminate(); };
};
// auto stream
var astrm = function (strm) {
    strm.ondata = function (dat, final) { return postMessage([dat, final], [dat.buffer]); };
    return function (ev) {
        if (ev.data[0]) {
            strm.push(ev.data[0], ev.data[1]);
            postMessage([ev.data[0].length]);
        }
        else
            strm.flush(ev.data[1]);
    };
};
// async stream attach
var astrmify = function (fns, strm, opts, init, id, flush, ext) {
    var t;
    var w = wrkr(fns, init, id, function (err, dat) {
        if (err)
            w.terminate(), strm.ondata.call(strm, err);
        else if (!Array.isArray(dat))
            ext(dat);
        else if (dat.length == 1) {
            strm.queuedSize -= dat[0];
            if (strm.ondrain)
                strm.ondrain(dat[0]);
        }
        else {
            if (dat[1])
                w.terminate();
            strm.ondata.call(strm, err, dat[0], dat[1]);
        }
    });
    w.postMessage(opts);
    strm.queuedSize = 0;
    strm.push = function (d, f) {
        if (!strm.ondata)
            err(5);
        if (t)
            strm.ondata(err(4, 0, 1), null, !!f);
        strm.queuedSize += d.length;
        // can fail for cross-realm Uint8Array, but ok - only a small performance penalty
        w.postMessage([d, t = f], d.buffer instanceof ArrayBuffer ? [d.buffer] : []);
    };
    strm.terminate = function () { w.terminate(); };
    if (flush) {
        strm.flush = function (sync) { w.postMessage([0, sync]); };
    }
};
// read 2 bytes
var b2 = function (d, b) { return d[b] | (d[b + 1] << 8); };
// read 4 bytes
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read 8 bytes
var b8 = function (d, b) { return b4(d, b) + (b4(d, b + 4) * 4294967296); };
// write bytes
var wbytes = function (d, b, v) {
    for (; v; ++b)
        d[b] = v, v >>>= 8;
};
// gzip header
var gzh = function (c, o) {
    var fn = o.filename;
    c[0] = 31, c[1] = 139, c[2] = 8, c[8] = o.level < 2 ? 4 : o.level == 9 ? 2 : 0, c[9] = 3; // assume Unix
    if (o.mtime != 0)
        wbytes(c, 4, Math.floor(new Date(o.mtime || Date.now()) / 1000));
    if (fn) {
        c[3] = 8;
        for (var i = 0; i <= fn.length; ++i)
            c[i + 10] = fn.charCodeAt(i);
    }
};
// gzip footer: -8 to -4 = CRC, -4 to -0 is length
// gzip start
var gzs = function (d) {
    if (d[0] != 31 || d[1] != 139 || d[2] != 8)
        err(6, 'invalid gzip data');
    var flg = d[3];
    var st = 10;
    if (flg & 4)
        st += (d[10] | d[11] << 8) + 2;
    for (var zs = (flg >> 3 & 1) + (flg >> 4 & 1); zs > 0; zs -= !d[st++])
        ;
    return st + (flg & 2);
};
// gzip length
var gzl = function (d) {
    var l = d.length;
    return (d[l - 4] | d[l - 3] << 8 | d[l - 2] << 16 | d[l - 1] << 24) >>> 0;
};
// gzip header length
var gzhl = function (o) { return 10 + (o.filename ? o.filename.length + 1 : 0); };
// zlib header
var zlh = function (c, o) {
    var lv = o.level, fl = lv == 0 ? 0 : lv < 6 ? 1 : lv == 9 ? 3 : 2;
    c[0] = 120, c[1] = (fl << 6) | (o.dictionary && 32);
    c[1] |= 31 - ((c[0] << 8) | c[1]) % 31;
    if (o.dictionary) {
        var h = adler();
        h.p(o.dictionary);
        wbytes(c, 2, h.d());
    }
};
// zlib start
var zls = function (d, dict) {
    if ((d[0] & 15) != 8 || (d[0] >> 4) > 7 || ((d[0] << 8 | d[1]) % 31))
        err(6, 'invalid zlib data');
    if ((d[1] >> 5 & 1) == +!dict)
        err(6, 'invalid zlib data: ' + (d[1] & 32 ? 'need' : 'unexpected') + ' dictionary');
    return (d[1] >> 3 & 4) + 2;
};
function StrmOpt(opts, cb) {
    if (typeof opts == 'function')
        cb = opts, opts = {};
    this.ondata = cb;
    return opts;
}
/**
 * Streaming DEFLATE compression
 */
var Deflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Deflate(opts, cb) {
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        this.o = opts || {};
        this.s = { l: 0, i: 32768, w: 32768, z: 32768 };
        // Buffer length must always be 0 mod 32768 for index calculations to be correct when modifying head and prev
        // 98304 = 32768 (lookback) + 65536 (common chunk size)
        this.b = new u8(98304);
        if (this.o.dictionary) {
            var dict = this.o.dictionary.subarray(-32768);
            this.b.set(dict, 32768 - dict.length);
            this.s.i = 32768 - dict.length;
        }
    }
    Deflate.prototype.p = function (c, f) {
        this.ondata(dopt(c, this.o, 0, 0, this.s), f);
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Deflate.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (this.s.l)
            err(4);
        var endLen = chunk.length + this.s.z;
        if (endLen > this.b.length) {
            if (endLen > 2 * this.b.length - 32768) {
                var newBuf = new u8(endLen & -32768);
                newBuf.set(this.b.subarray(0, this.s.z));
                this.b = newBuf;
            }
            var split = this.b.length - this.s.z;
            this.b.set(chunk.subarray(0, split), this.s.z);
            this.s.z = this.b.length;
            this.p(this.b, false);
            this.b.set(this.b.subarray(-32768));
            this.b.set(chunk.subarray(split), 32768);
            this.s.z = chunk.length - split + 32768;
            this.s.i = 32766, this.s.w = 32768;
        }
        else {
            this.b.set(chunk, this.s.z);
            this.s.z += chunk.length;
        }
        this.s.l = final & 1;
        if (this.s.z > this.s.w + 8191 || final) {
            this.p(this.b, final || false);
            this.s.w = this.s.i, this.s.i -= 2;
        }
        if (final) {
            // cleanup unneeded buffers/state to reduce memory usage
            this.s = this.o = {};
            this.b = et;
        }
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * deflated output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible. A separate DEFLATE stream may be concatenated
     *             with the current output after a sync flush.
     */
    Deflate.prototype.flush = function (sync) {
        if (!this.ondata)
            err(5);
        if (this.s.l)
            err(4);
        this.p(this.b, false);
        this.s.w = this.s.i, this.s.i -= 2;
        // could technically skip writing the type-0 block for (this.s.r & 7) == 0,
        // but the deterministic trailer (00 00 FF FF) is useful in some situations
        if (sync) {
            var c = new u8(6);
            c[0] = this.s.r >> 3;
            // write empty, non-final type-0 block
            var ep = wfblk(c, this.s.r, et);
            this.s.r = 0;
            this.ondata(c.subarray(0, ep >> 3), false);
        }
    };
    return Deflate;
}())));

/**
 * Asynchronous streaming DEFLATE compression
 */
var AsyncDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncDeflate(opts, cb) {
        astrmify([
            bDflt,
            function () { return [astrm, Deflate]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Deflate(ev.data);
            onmessage = astrm(strm);
        }, 6, 1);
    }
    return AsyncDeflate;
}())));

function deflate(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
    ], function (ev) { return pbf(deflateSync(ev.data[0], ev.data[1])); }, 0, cb);
}
/**
 * Compresses data with DEFLATE without any wrapper
 * @param data The data to compress
 * @param opts The compression options
 * @returns The deflated version of the data
 */
function deflateSync(data, opts) {
    return dopt(data, opts || {}, 0, 0);
}
/**
 * Streaming DEFLATE decompression
 */
var Inflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Inflate(opts, cb) {
        // no StrmOpt here to avoid adding to workerizer
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
        this.s = { i: 0, b: dict ? dict.length : 0 };
        this.o = new u8(32768);
        this.p = new u8(0);
        if (dict)
            this.o.set(dict);
    }
    Inflate.prototype.e = function (c) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        if (!this.p.length)
            this.p = c;
        else if (c.length) {
            var n = new u8(this.p.length + c.length);
            n.set(this.p), n.set(c, this.p.length), this.p = n;
        }
    };
    Inflate.prototype.c = function (final) {
        this.s.i = +(this.d = final || false);
        var bts = this.s.b;
        var dt = inflt(this.p, this.s, this.o);
        this.ondata(slc(dt, bts, this.s.b), this.d);
        this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
        this.p = slc(this.p, (this.s.p / 8) | 0), this.s.p &= 7;
    };
    /**
     * Pushes a chunk to be inflated
     * @param chunk The chunk to push
     * @param final Whether this is the final chunk
     */
    Inflate.prototype.push = function (chunk, final) {
        this.e(chunk), this.c(final);
    };
    return Inflate;
}())));

/**
 * Asynchronous streaming DEFLATE decompression
 */
var AsyncInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncInflate(opts, cb) {
        astrmify([
            bInflt,
            function () { return [astrm, Inflate]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Inflate(ev.data);
            onmessage = astrm(strm);
        }, 7, 0);
    }
    return AsyncInflate;
}())));

function inflate(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt
    ], function (ev) { return pbf(inflateSync(ev.data[0], gopt(ev.data[1]))); }, 1, cb);
}
function inflateSync(data, opts) {
    return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// before you yell at me for not just using extends, my reason is that TS inheritance is hard to workerize.
/**
 * Streaming GZIP compression
 */
var Gzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Gzip(opts, cb) {
        this.c = crc();
        this.l = 0;
        this.v = 1;
        Deflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be GZIPped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Gzip.prototype.push = function (chunk, final) {
        this.c.p(chunk);
        this.l += chunk.length;
        Deflate.prototype.push.call(this, chunk, final);
    };
    Gzip.prototype.p = function (c, f) {
        var raw = dopt(c, this.o, this.v && gzhl(this.o), f && 8, this.s);
        if (this.v)
            gzh(raw, this.o), this.v = 0;
        if (f)
            wbytes(raw, raw.length - 8, this.c.d()), wbytes(raw, raw.length - 4, this.l);
        this.ondata(raw, f);
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * GZIPped output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible.
     */
    Gzip.prototype.flush = function (sync) {
        Deflate.prototype.flush.call(this, sync);
    };
    return Gzip;
}())));

/**
 * Asynchronous streaming GZIP compression
 */
var AsyncGzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncGzip(opts, cb) {
        astrmify([
            bDflt,
            gze,
            function () { return [astrm, Deflate, Gzip]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Gzip(ev.data);
            onmessage = astrm(strm);
        }, 8, 1);
    }
    return AsyncGzip;
}())));

function gzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
        gze,
        function () { return [gzipSync]; }
    ], function (ev) { return pbf(gzipSync(ev.data[0], ev.data[1])); }, 2, cb);
}
/**
 * Compresses data with GZIP
 * @param data The data to compress
 * @param opts The compression options
 * @returns The gzipped version of the data
 */
function gzipSync(data, opts) {
    if (!opts)
        opts = {};
    var c = crc(), l = data.length;
    c.p(data);
    var d = dopt(data, opts, gzhl(opts), 8), s = d.length;
    return gzh(d, opts), wbytes(d, s - 8, c.d()), wbytes(d, s - 4, l), d;
}
/**
 * Streaming single or multi-member GZIP decompression
 */
var Gunzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Gunzip(opts, cb) {
        this.v = 1;
        this.r = 0;
        Inflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be GUNZIPped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Gunzip.prototype.push = function (chunk, final) {
        Inflate.prototype.e.call(this, chunk);
        this.r += chunk.length;
        if (this.v) {
            var p = this.p.subarray(this.v - 1);
            var s = p.length > 3 ? gzs(p) : 4;
            if (s > p.length) {
                if (!final)
                    return;
            }
            else if (this.v > 1 && this.onmember) {
                this.onmember(this.r - p.length);
            }
            this.p = p.subarray(s), this.v = 0;
        }
        // necessary to prevent TS from using the closure value
        // This allows for workerization to function correctly
        Inflate.prototype.c.call(this, 0);
        // process concatenated GZIP
        if (this.s.f && !this.s.l) {
            this.v = shft(this.s.p) + 9;
            this.s = { i: 0 };
            this.o = new u8(0);
            this.push(new u8(0), final);
        }
        else if (final) {
            Inflate.prototype.c.call(this, final);
        }
    };
    return Gunzip;
}())));

/**
 * Asynchronous streaming single or multi-member GZIP decompression
 */
var AsyncGunzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncGunzip(opts, cb) {
        var _this = this;
        astrmify([
            bInflt,
            guze,
            function () { return [astrm, Inflate, Gunzip]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Gunzip(ev.data);
            strm.onmember = function (offset) { return postMessage(offset); };
            onmessage = astrm(strm);
        }, 9, 0, function (offset) { return _this.onmember && _this.onmember(offset); });
    }
    return AsyncGunzip;
}())));

function gunzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt,
        guze,
        function () { return [gunzipSync]; }
    ], function (ev) { return pbf(gunzipSync(ev.data[0], ev.data[1])); }, 3, cb);
}
function gunzipSync(data, opts) {
    var st = gzs(data);
    if (st + 8 > data.length)
        err(6, 'invalid gzip data');
    return inflt(data.subarray(st, -8), { i: 2 }, opts && opts.out || new u8(gzl(data)), opts && opts.dictionary);
}
/**
 * Streaming Zlib compression
 */
var Zlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Zlib(opts, cb) {
        this.c = adler();
        this.v = 1;
        Deflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be zlibbed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Zlib.prototype.push = function (chunk, final) {
        this.c.p(chunk);
        Deflate.prototype.push.call(this, chunk, final);
    };
    Zlib.prototype.p = function (c, f) {
        var raw = dopt(c, this.o, this.v && (this.o.dictionary ? 6 : 2), f && 4, this.s);
        if (this.v)
            zlh(raw, this.o), this.v = 0;
        if (f)
            wbytes(raw, raw.length - 4, this.c.d());
        this.ondata(raw, f);
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * zlibbed output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible.
     */
    Zlib.prototype.flush = function (sync) {
        Deflate.prototype.flush.call(this, sync);
    };
    return Zlib;
}())));

/**
 * Asynchronous streaming Zlib compression
 */
var AsyncZlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncZlib(opts, cb) {
        astrmify([
            bDflt,
            zle,
            function () { return [astrm, Deflate, Zlib]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Zlib(ev.data);
            onmessage = astrm(strm);
        }, 10, 1);
    }
    return AsyncZlib;
}())));

function zlib(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
        zle,
        function () { return [zlibSync]; }
    ], function (ev) { return pbf(zlibSync(ev.data[0], ev.data[1])); }, 4, cb);
}
/**
 * Compress data with Zlib
 * @param data The data to compress
 * @param opts The compression options
 * @returns The zlib-compressed version of the data
 */
function zlibSync(data, opts) {
    if (!opts)
        opts = {};
    var a = adler();
    a.p(data);
    var d = dopt(data, opts, opts.dictionary ? 6 : 2, 4);
    return zlh(d, opts), wbytes(d, d.length - 4, a.d()), d;
}
/**
 * Streaming Zlib decompression
 */
var Unzlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Unzlib(opts, cb) {
        Inflate.call(this, opts, cb);
        this.v = opts && opts.dictionary ? 2 : 1;
    }
    /**
     * Pushes a chunk to be unzlibbed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Unzlib.prototype.push = function (chunk, final) {
        Inflate.prototype.e.call(this, chunk);
        if (this.v) {
            if (this.p.length < 6 && !final)
                return;
            this.p = this.p.subarray(zls(this.p, this.v - 1)), this.v = 0;
        }
        if (final) {
            if (this.p.length < 4)
                err(6, 'invalid zlib data');
            this.p = this.p.subarray(0, -4);
        }
        // necessary to prevent TS from using the closure value
        // This allows for workerization to function correctly
        Inflate.prototype.c.call(this, final);
    };
    return Unzlib;
}())));

/**
 * Asynchronous streaming Zlib decompression
 */
var AsyncUnzlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncUnzlib(opts, cb) {
        astrmify([
            bInflt,
            zule,
            function () { return [astrm, Inflate, Unzlib]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Unzlib(ev.data);
            onmessage = astrm(strm);
        }, 11, 0);
    }
    return AsyncUnzlib;
}())));

function unzlib(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt,
        zule,
        function () { return [unzlibSync]; }
    ], function (ev) { return pbf(unzlibSync(ev.data[0], gopt(ev.data[1]))); }, 5, cb);
}
function unzlibSync(data, opts) {
    return inflt(data.subarray(zls(data, opts && opts.dictionary), -4), { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// Default algorithm for compression (used because having a known output size allows faster decompression)


/**
 * Streaming GZIP, Zlib, or raw DEFLATE decompression
 */
var Decompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Decompress(opts, cb) {
        this.o = StrmOpt.call(this, opts, cb) || {};
        this.G = Gunzip;
        this.I = Inflate;
        this.Z = Unzlib;
    }
    // init substream
    // overriden by AsyncDecompress
    Decompress.prototype.i = function () {
        var _this = this;
        this.s.ondata = function (dat, final) {
            _this.ondata(dat, final);
        };
    };
    /**
     * Pushes a chunk to be decompressed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Decompress.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (!this.s) {
            if (this.p && this.p.length) {
                var n = new u8(this.p.length + chunk.length);
                n.set(this.p), n.set(chunk, this.p.length);
            }
            else
                this.p = chunk;
            if (this.p.length > 2) {
                this.s = (this.p[0] == 31 && this.p[1] == 139 && this.p[2] == 8)
                    ? new this.G(this.o)
                    : ((this.p[0] & 15) != 8 || (this.p[0] >> 4) > 7 || ((this.p[0] << 8 | this.p[1]) % 31))
                        ? new this.I(this.o)
                        : new this.Z(this.o);
                this.i();
                this.s.push(this.p, final);
                this.p = null;
            }
        }
        else
            this.s.push(chunk, final);
    };
    return Decompress;
}())));

/**
 * Asynchronous streaming GZIP, Zlib, or raw DEFLATE decompression
 */
var AsyncDecompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncDecompress(opts, cb) {
        Decompress.call(this, opts, cb);
        this.queuedSize = 0;
        this.G = AsyncGunzip;
        this.I = AsyncInflate;
        this.Z = AsyncUnzlib;
    }
    AsyncDecompress.prototype.i = function () {
        var _this = this;
        this.s.ondata = function (err, dat, final) {
            _this.ondata(err, dat, final);
        };
        this.s.ondrain = function (size) {
            _this.queuedSize -= size;
            if (_this.ondrain)
                _this.ondrain(size);
        };
    };
    /**
     * Pushes a chunk to be decompressed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    AsyncDecompress.prototype.push = function (chunk, final) {
        this.queuedSize += chunk.length;
        Decompress.prototype.push.call(this, chunk, final);
    };
    return AsyncDecompress;
}())));

function decompress(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return (data[0] == 31 && data[1] == 139 && data[2] == 8)
        ? gunzip(data, opts, cb)
        : ((data[0] & 15) != 8 || (data[0] >> 4) > 7 || ((data[0] << 8 | data[1]) % 31))
            ? inflate(data, opts, cb)
            : unzlib(data, opts, cb);
}
/**
 * Expands compressed GZIP, Zlib, or raw DEFLATE data, automatically detecting the format
 * @param data The data to decompress
 * @param opts The decompression options
 * @returns The decompressed version of the data
 */
function decompressSync(data, opts) {
    return (data[0] == 31 && data[1] == 139 && data[2] == 8)
        ? gunzipSync(data, opts)
        : ((data[0] & 15) != 8 || (data[0] >> 4) > 7 || ((data[0] << 8 | data[1]) % 31))
            ? inflateSync(data, opts)
            : unzlibSync(data, opts);
}
// flatten a directory structure
var fltn = function (d, p, t, o) {
    for (var k in d) {
        var val = d[k], n = p + k, op = o;
        if (Array.isArray(val))
            op = mrg(o, val[1]), val = val[0];
        if (ArrayBuffer.isView(val))
            t[n] = [val, op];
        else {
            t[n += '/'] = [new u8(0), op];
            fltn(val, n, t, o);
        }
    }
};
// text encoder
var te = typeof TextEncoder != 'undefined' && /*#__PURE__*/ new TextEncoder();
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Streaming UTF-8 decoding
 */
var DecodeUTF8 = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a UTF-8 decoding stream
     * @param cb The callback to call whenever data is decoded
     */
    function DecodeUTF8(cb) {
        this.ondata = cb;
        if (tds)
            this.t = new TextDecoder();
        else
            this.p = et;
    }
    /**
     * Pushes a chunk to be decoded from UTF-8 binary
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    DecodeUTF8.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        final = !!final;
        if (this.t) {
            this.ondata(this.t.decode(chunk, { stream: true }), final);
            if (final) {
                if (this.t.decode().length)
                    err(8);
                this.t = null;
            }
            return;
        }
        if (!this.p)
            err(4);
        var dat = new u8(this.p.length + chunk.length);
        dat.set(this.p);
        dat.set(chunk, this.p.length);
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (final) {
            if (r.length)
                err(8);
            this.p = null;
        }
        else
            this.p = r;
        this.ondata(s, final);
    };
    return DecodeUTF8;
}())));

/**
 * Streaming UTF-8 encoding
 */
var EncodeUTF8 = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a UTF-8 decoding stream
     * @param cb The callback to call whenever data is encoded
     */
    function EncodeUTF8(cb) {
        this.ondata = cb;
    }
    /**
     * Pushes a chunk to be encoded to UTF-8
     * @param chunk The string data to push
     * @param final Whether this is the last chunk
     */
    EncodeUTF8.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        this.ondata(strToU8(chunk), this.d = final || false);
    };
    return EncodeUTF8;
}())));

/**
 * Converts a string into a Uint8Array for use with compression/decompression methods
 * @param str The string to encode
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless decoding a binary string.
 * @returns The string encoded in UTF-8/Latin-1 binary
 */
function strToU8(str, latin1) {
    if (latin1) {
        var ar_1 = new u8(str.length);
        for (var i = 0; i < str.length; ++i)
            ar_1[i] = str.charCodeAt(i);
        return ar_1;
    }
    if (te)
        return te.encode(str);
    var l = str.length;
    var ar = new u8(str.length + (str.length >> 1));
    var ai = 0;
    var w = function (v) { ar[ai++] = v; };
    for (var i = 0; i < l; ++i) {
        if (ai + 5 > ar.length) {
            var n = new u8(ai + 8 + ((l - i) << 1));
            n.set(ar);
            ar = n;
        }
        var c = str.charCodeAt(i);
        if (c < 128 || latin1)
            w(c);
        else if (c < 2048)
            w(192 | (c >> 6)), w(128 | (c & 63));
        else if (c > 55295 && c < 57344)
            c = 65536 + (c & 1023 << 10) | (str.charCodeAt(++i) & 1023),
                w(240 | (c >> 18)), w(128 | ((c >> 12) & 63)), w(128 | ((c >> 6) & 63)), w(128 | (c & 63));
        else
            w(224 | (c >> 12)), w(128 | ((c >> 6) & 63)), w(128 | (c & 63));
    }
    return slc(ar, 0, ai);
}
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(dat, latin1) {
    if (latin1) {
        var r = '';
        for (var i = 0; i < dat.length; i += 16384)
            r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
        return r;
    }
    else if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}
;
// deflate bit flag
var dbf = function (l) { return l == 1 ? 3 : l < 6 ? 2 : l == 9 ? 1 : 0; };
// skip local zip header
var slzh = function (d, b) { return b + 30 + b2(d, b + 26) + b2(d, b + 28); };
// read zip header
var zh = function (d, b, z) {
    var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
    var _a = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a[0], su = _a[1], off = _a[2];
    return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
// read zip64 header sizes
var z64hs = function (d, b, l, z, sc, su, off) {
    var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
    var nf = nsc + nsu + noff;
    if (z && nf) {
        for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
            if (b2(d, b) == 1) {
                return [
                    nsc ? b8(d, b + 4 + 8 * nsu) : sc,
                    nsu ? b8(d, b + 4) : su,
                    noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
                    1
                ];
            }
        }
        // z == 2 for unknown whether or not zip64
        if (z < 2)
            err(13);
    }
    return [sc, su, off, 0];
};
// extra field length
var exfl = function (ex) {
    var le = 0;
    if (ex) {
        for (var k in ex) {
            var l = ex[k].length;
            if (l > 65535)
                err(9);
            le += l + 4;
        }
    }
    return le;
};
// write zip header
var wzh = function (d, b, f, fn, u, c, ce, co) {
    var fl = fn.length, ex = f.extra, col = co && co.length;
    var exl = exfl(ex);
    wbytes(d, b, ce != null ? 0x2014B50 : 0x4034B50), b += 4;
    if (ce != null)
        d[b++] = 20, d[b++] = f.os;
    d[b] = 20, b += 2; // spec compliance? what's that?
    d[b++] = (f.flag << 1) | (c < 0 && 8), d[b++] = u && 8;
    d[b++] = f.compression & 255, d[b++] = f.compression >> 8;
    var dt = new Date(f.mtime == null ? Date.now() : f.mtime), y = dt.getFullYear() - 1980;
    if (y < 0 || y > 119)
        err(10);
    wbytes(d, b, (y << 25) | ((dt.getMonth() + 1) << 21) | (dt.getDate() << 16) | (dt.getHours() << 11) | (dt.getMinutes() << 5) | (dt.getSeconds() >> 1)), b += 4;
    if (c != -1) {
        wbytes(d, b, f.crc);
        wbytes(d, b + 4, c < 0 ? -c - 2 : c);
        wbytes(d, b + 8, f.size);
    }
    wbytes(d, b + 12, fl);
    wbytes(d, b + 14, exl), b += 16;
    if (ce != null) {
        wbytes(d, b, col);
        wbytes(d, b + 6, f.attrs);
        wbytes(d, b + 10, ce), b += 14;
    }
    d.set(fn, b);
    b += fl;
    if (exl) {
        for (var k in ex) {
            var exf = ex[k], l = exf.length;
            wbytes(d, b, +k);
            wbytes(d, b + 2, l);
            d.set(exf, b + 4), b += 4 + l;
        }
    }
    if (col)
        d.set(co, b), b += col;
    return b;
};
// write zip footer (end of central directory)
var wzf = function (o, b, c, d, e) {
    wbytes(o, b, 0x6054B50); // skip disk
    wbytes(o, b + 8, c);
    wbytes(o, b + 10, c);
    wbytes(o, b + 12, d);
    wbytes(o, b + 16, e);
};
/**
 * A pass-through stream to keep data uncompressed in a ZIP archive.
 */
var ZipPassThrough = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a pass-through stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     */
    function ZipPassThrough(filename) {
        this.filename = filename;
        this.c = crc();
        this.size = 0;
        this.compression = 0;
    }
    /**
     * Processes a chunk and pushes to the output stream. You can override this
     * method in a subclass for custom behavior, but by default this passes
     * the data through. You must call this.ondata(err, chunk, final) at some
     * point in this method.
     * @param chunk The chunk to process
     * @param final Whether this is the last chunk
     */
    ZipPassThrough.prototype.process = function (chunk, final) {
        this.ondata(null, chunk, final);
    };
    /**
     * Pushes a chunk to be added. If you are subclassing this with a custom
     * compression algorithm, note that you must push data from the source
     * file only, pre-compression.
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    ZipPassThrough.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        this.c.p(chunk);
        this.size += chunk.length;
        if (final)
            this.crc = this.c.d();
        // we shouldn't really do this cast, but properly handling ArrayBufferLike
        // makes the API unergonomic with Buffer
        this.process(chunk, final || false);
    };
    return ZipPassThrough;
}())));

// I don't extend because TypeScript extension adds 1kB of runtime bloat
/**
 * Streaming DEFLATE compression for ZIP archives. Prefer using AsyncZipDeflate
 * for better performance
 */
var ZipDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     * @param opts The compression options
     */
    function ZipDeflate(filename, opts) {
        var _this = this;
        if (!opts)
            opts = {};
        ZipPassThrough.call(this, filename);
        this.d = new Deflate(opts, function (dat, final) {
            _this.ondata(null, dat, final);
        });
        this.compression = 8;
        this.flag = dbf(opts.level);
    }
    ZipDeflate.prototype.process = function (chunk, final) {
        try {
            this.d.push(chunk, final);
        }
        catch (e) {
            this.ondata(e, null, final);
        }
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    ZipDeflate.prototype.push = function (chunk, final) {
        ZipPassThrough.prototype.push.call(this, chunk, final);
    };
    return ZipDeflate;
}())));

/**
 * Asynchronous streaming DEFLATE compression for ZIP archives
 */
var AsyncZipDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates an asynchronous DEFLATE stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     * @param opts The compression options
     */
    function AsyncZipDeflate(filename, opts) {
        var _this = this;
        if (!opts)
            opts = {};
        ZipPassThrough.call(this, filename);
        this.d = new AsyncDeflate(opts, function (err, dat, final) {
            _this.ondata(err, dat, final);
        });
        this.compression = 8;
        this.flag = dbf(opts.level);
        this.terminate = this.d.terminate;
    }
    AsyncZipDeflate.prototype.process = function (chunk, final) {
        this.d.push(chunk, final);
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    AsyncZipDeflate.prototype.push = function (chunk, final) {
        ZipPassThrough.prototype.push.call(this, chunk, final);
    };
    return AsyncZipDeflate;
}())));

// TODO: Better tree shaking
/**
 * A zippable archive to which files can incrementally be added
 */
var Zip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates an empty ZIP archive to which files can be added
     * @param cb The callback to call whenever data for the generated ZIP archive
     *           is available
     */
    function Zip(cb) {
        this.ondata = cb;
        this.u = [];
        this.d = 1;
    }
    /**
     * Adds a file to the ZIP archive
     * @param file The file stream to add
     */
    Zip.prototype.add = function (file) {
        var _this = this;
        if (!this.ondata)
            err(5);
        // finishing or finished
        if (this.d & 2)
            this.ondata(err(4 + (this.d & 1) * 8, 0, 1), null, false);
        else {
            var f = strToU8(file.filename), fl_1 = f.length;
            var com = file.comment, o = com && strToU8(com);
            var u = fl_1 != file.filename.length || (o && (com.length != o.length));
            var hl_1 = fl_1 + exfl(file.extra) + 30;
            if (fl_1 > 65535)
                this.ondata(err(11, 0, 1), null, false);
            var header = new u8(hl_1);
            wzh(header, 0, file, f, u, -1);
            var chks_1 = [header];
            var pAll_1 = function () {
                for (var _i = 0, chks_2 = chks_1; _i < chks_2.length; _i++) {
                    var chk = chks_2[_i];
                    _this.ondata(null, chk, false);
                }
                chks_1 = [];
            };
            var tr_1 = this.d;
            this.d = 0;
            var ind_1 = this.u.length;
            var uf_1 = mrg(file, {
                f: f,
                u: u,
                o: o,
                t: function () {
                    if (file.terminate)
                        file.terminate();
                },
                r: function () {
                    pAll_1();
                    if (tr_1) {
                        var nxt = _this.u[ind_1 + 1];
                        if (nxt)
                            nxt.r();
                        else
                            _this.d = 1;
                    }
                    tr_1 = 1;
                }
            });
            var cl_1 = 0;
            file.ondata = function (err, dat, final) {
                if (err) {
                    _this.ondata(err, dat, final);
                    _this.terminate();
                }
                else {
                    cl_1 += dat.length;
                    chks_1.push(dat);
                    if (final) {
                        var dd = new u8(16);
                        wbytes(dd, 0, 0x8074B50);
                        wbytes(dd, 4, file.crc);
                        wbytes(dd, 8, cl_1);
                        wbytes(dd, 12, file.size);
                        chks_1.push(dd);
                        uf_1.c = cl_1, uf_1.b = hl_1 + cl_1 + 16, uf_1.crc = file.crc, uf_1.size = file.size;
                        if (tr_1)
                            uf_1.r();
                        tr_1 = 1;
                    }
                    else if (tr_1)
                        pAll_1();
                }
            };
            this.u.push(uf_1);
        }
    };
    /**
     * Ends the process of adding files and prepares to emit the final chunks.
     * This *must* be called after adding all desired files for the resulting
     * ZIP file to work properly.
     */
    Zip.prototype.end = function () {
        var _this = this;
        if (this.d & 2) {
            this.ondata(err(4 + (this.d & 1) * 8, 0, 1), null, true);
            return;
        }
        if (this.d)
            this.e();
        else
            this.u.push({
                r: function () {
                    if (!(_this.d & 1))
                        return;
                    _this.u.splice(-1, 1);
                    _this.e();
                },
                t: function () { }
            });
        this.d = 3;
    };
    Zip.prototype.e = function () {
        var bt = 0, l = 0, tl = 0;
        for (var _i = 0, _a = this.u; _i < _a.length; _i++) {
            var f = _a[_i];
            tl += 46 + f.f.length + exfl(f.extra) + (f.o ? f.o.length : 0);
        }
        var out = new u8(tl + 22);
        for (var _b = 0, _c = this.u; _b < _c.length; _b++) {
            var f = _c[_b];
            wzh(out, bt, f, f.f, f.u, -f.c - 2, l, f.o);
            bt += 46 + f.f.length + exfl(f.extra) + (f.o ? f.o.length : 0), l += f.b;
        }
        wzf(out, bt, this.u.length, tl, l);
        this.ondata(null, out, true);
        this.d = 2;
    };
    /**
     * A method to terminate any internal workers used by the stream. Subsequent
     * calls to add() will fail.
     */
    Zip.prototype.terminate = function () {
        for (var _i = 0, _a = this.u; _i < _a.length; _i++) {
            var f = _a[_i];
            f.t();
        }
        this.d = 2;
    };
    return Zip;
}())));

function zip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    var r = {};
    fltn(data, '', r, opts);
    var k = Object.keys(r);
    var lft = k.length, o = 0, tot = 0;
    var slft = lft, files = new Array(lft);
    var term = [];
    var tAll = function () {
        for (var i = 0; i < term.length; ++i)
            term[i]();
    };
    var cbd = function (a, b) {
        mt(function () { cb(a, b); });
    };
    mt(function () { cbd = cb; });
    var cbf = function () {
        var out = new u8(tot + 22), oe = o, cdl = tot - o;
        tot = 0;
        for (var i = 0; i < slft; ++i) {
            var f = files[i];
            try {
                var l = f.c.length;
                wzh(out, tot, f, f.f, f.u, l);
                var badd = 30 + f.f.length + exfl(f.extra);
                var loc = tot + badd;
                out.set(f.c, loc);
                wzh(out, o, f, f.f, f.u, l, tot, f.m), o += 16 + badd + (f.m ? f.m.length : 0), tot = loc + l;
            }
            catch (e) {
                return cbd(e, null);
            }
        }
        wzf(out, o, files.length, cdl, oe);
        cbd(null, out);
    };
    if (!lft)
        cbf();
    var _loop_1 = function (i) {
        var fn = k[i];
        var _a = r[fn], file = _a[0], p = _a[1];
        var c = crc(), size = file.length;
        c.p(file);
        var f = strToU8(fn), s = f.length;
        var com = p.comment, m = com && strToU8(com), ms = m && m.length;
        var exl = exfl(p.extra);
        var compression = p.level == 0 ? 0 : 8;
        var cbl = function (e, d) {
            if (e) {
                tAll();
                cbd(e, null);
            }
            else {
                var l = d.length;
                files[i] = mrg(p, {
                    size: size,
                    crc: c.d(),
                    c: d,
                    f: f,
                    m: m,
                    u: s != fn.length || (m && (com.length != ms)),
                    compression: compression
                });
                o += 30 + s + exl + l;
                tot += 76 + 2 * (s + exl) + (ms || 0) + l;
                if (!--lft)
                    cbf();
            }
        };
        if (s > 65535)
            cbl(err(11, 0, 1), null);
        if (!compression)
            cbl(null, file);
        else if (size < 160000) {
            try {
                cbl(null, deflateSync(file, p));
            }
            catch (e) {
                cbl(e, null);
            }
        }
        else
            term.push(deflate(file, p, cbl));
    };
    // Cannot use lft because it can decrease
    for (var i = 0; i < slft; ++i) {
        _loop_1(i);
    }
    return tAll;
}
/**
 * Synchronously creates a ZIP file. Prefer using `zip` for better performance
 * with more than one file.
 * @param data The directory structure for the ZIP archive
 * @param opts The main options, merged with per-file options
 * @returns The generated ZIP archive
 */
function zipSync(data, opts) {
    if (!opts)
        opts = {};
    var r = {};
    var files = [];
    fltn(data, '', r, opts);
    var o = 0;
    var tot = 0;
    for (var fn in r) {
        var _a = r[fn], file = _a[0], p = _a[1];
        var compression = p.level == 0 ? 0 : 8;
        var f = strToU8(fn), s = f.length;
        var com = p.comment, m = com && strToU8(com), ms = m && m.length;
        var exl = exfl(p.extra);
        if (s > 65535)
            err(11);
        var d = compression ? deflateSync(file, p) : file, l = d.length;
        var c = crc();
        c.p(file);
        files.push(mrg(p, {
            size: file.length,
            crc: c.d(),
            c: d,
            f: f,
            m: m,
            u: s != fn.length || (m && (com.length != ms)),
            o: o,
            compression: compression
        }));
        o += 30 + s + exl + l;
        tot += 76 + 2 * (s + exl) + (ms || 0) + l;
    }
    var out = new u8(tot + 22), oe = o, cdl = tot - o;
    for (var i = 0; i < files.length; ++i) {
        var f = files[i];
        wzh(out, f.o, f, f.f, f.u, f.c.length);
        var badd = 30 + f.f.length + exfl(f.extra);
        out.set(f.c, f.o + badd);
        wzh(out, o, f, f.f, f.u, f.c.length, f.o, f.m), o += 16 + badd + (f.m ? f.m.length : 0);
    }
    wzf(out, o, files.length, cdl, oe);
    return out;
}
/**
 * Streaming pass-through decompression for ZIP archives
 */
var UnzipPassThrough = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function UnzipPassThrough() {
    }
    UnzipPassThrough.prototype.push = function (chunk, final) {
        // same as ZipPassThrough: cast to retain Buffer ergonomics
        this.ondata(null, chunk, final);
    };
    UnzipPassThrough.compression = 0;
    return UnzipPassThrough;
}())));

/**
 * Streaming DEFLATE decompression for ZIP archives. Prefer AsyncZipInflate for
 * better performance.
 */
var UnzipInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE decompression that can be used in ZIP archives
     */
    function UnzipInflate() {
        var _this = this;
        this.i = new Inflate(function (dat, final) {
            _this.ondata(null, dat, final);
        });
    }
    UnzipInflate.prototype.push = function (chunk, final) {
        try {
            this.i.push(chunk, final);
        }
        catch (e) {
            this.ondata(e, null, final);
        }
    };
    UnzipInflate.compression = 8;
    return UnzipInflate;
}())));

/**
 * Asynchronous streaming DEFLATE decompression for ZIP archives
 */
var AsyncUnzipInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE decompression that can be used in ZIP archives
     */
    function AsyncUnzipInflate(_, sz) {
        var _this = this;
        if (sz < 320000) {
            this.i = new Inflate(function (dat, final) {
                _this.ondata(null, dat, final);
            });
        }
        else {
            this.i = new AsyncInflate(function (err, dat, final) {
                _this.ondata(err, dat, final);
            });
            this.terminate = this.i.terminate;
        }
    }
    AsyncUnzipInflate.prototype.push = function (chunk, final) {
        if (this.i.terminate)
            chunk = slc(chunk, 0);
        this.i.push(chunk, final);
    };
    AsyncUnzipInflate.compression = 8;
    return AsyncUnzipInflate;
}())));

/**
 * A ZIP archive decompression stream that emits files as they are discovered
 */
var Unzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a ZIP decompression stream
     * @param cb The callback to call whenever a file in the ZIP archive is found
     */
    function Unzip(cb) {
        this.onfile = cb;
        this.k = [];
        this.o = {
            0: UnzipPassThrough
        };
        this.p = et;
    }
    /**
     * Pushes a chunk to be unzipped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Unzip.prototype.push = function (chunk, final) {
        var _this = this;
        if (!this.onfile)
            err(5);
        if (!this.p)
            err(4);
        if (this.c > 0) {
            var len = Math.min(this.c, chunk.length);
            var toAdd = chunk.subarray(0, len);
            this.c -= len;
            if (this.d)
                this.d.push(toAdd, !this.c);
            else
                this.k[0].push(toAdd);
            chunk = chunk.subarray(len);
            if (chunk.length)
                return this.push(chunk, final);
        }
        else {
            var f = 0, i = 0, is = void 0, buf = void 0;
            if (!this.p.length)
                buf = chunk;
            else if (!chunk.length)
                buf = this.p;
            else {
                buf = new u8(this.p.length + chunk.length);
                buf.set(this.p), buf.set(chunk, this.p.length);
            }
            var l = buf.length, oc = this.c, add = oc && this.d;
            var _loop_2 = function () {
                var sig = b4(buf, i);
                if (sig == 0x4034B50) {
                    f = 1, is = i;
                    this_1.d = null;
                    this_1.c = 0;
                    var bf = b2(buf, i + 6), cmp_1 = b2(buf, i + 8), u = bf & 2048, dd = bf & 8, fnl = b2(buf, i + 26), es = b2(buf, i + 28);
                    if (l > i + 30 + fnl + es) {
                        var chks_3 = [];
                        this_1.k.unshift(chks_3);
                        f = 2;
                        var lsc = b4(buf, i + 18), lsu = b4(buf, i + 22);
                        var fn_1 = strFromU8(buf.subarray(i + 30, i += 30 + fnl), !u);
                        var _a = z64hs(buf, i, es, 2, lsc, lsu, 0), sc_1 = _a[0], su_1 = _a[1], z64 = _a[3];
                        if (dd)
                            sc_1 = -1 - z64;
                        i += es;
                        this_1.c = sc_1;
                        var d_1;
                        var file_1 = {
                            name: fn_1,
                            compression: cmp_1,
                            start: function () {
                                if (!file_1.ondata)
                                    err(5);
                                if (!sc_1)
                                    file_1.ondata(null, et, true);
                                else {
                                    var ctr = _this.o[cmp_1];
                                    if (!ctr)
                                        file_1.ondata(err(14, 'unknown compression type ' + cmp_1, 1), null, false);
                                    d_1 = sc_1 < 0 ? new ctr(fn_1) : new ctr(fn_1, sc_1, su_1);
                                    d_1.ondata = function (err, dat, final) { file_1.ondata(err, dat, final); };
                                    for (var _i = 0, chks_4 = chks_3; _i < chks_4.length; _i++) {
                                        var dat = chks_4[_i];
                                        d_1.push(dat, false);
                                    }
                                    if (_this.k[0] == chks_3 && _this.c)
                                        _this.d = d_1;
                                    else
                                        d_1.push(et, true);
                                }
                            },
                            terminate: function () {
                                if (d_1 && d_1.terminate)
                                    d_1.terminate();
                            }
                        };
                        if (sc_1 >= 0)
                            file_1.size = sc_1, file_1.originalSize = su_1;
                        this_1.onfile(file_1);
                    }
                    return "break";
                }
                else if (oc) {
                    if (sig == 0x8074B50) {
                        is = i += 12 + (oc == -2 && 8), f = 3, this_1.c = 0;
                        return "break";
                    }
                    else if (sig == 0x2014B50) {
                        is = i -= 4, f = 3, this_1.c = 0;
                        return "break";
                    }
                }
            };
            var this_1 = this;
            for (; i < l - 4; ++i) {
                var state_1 = _loop_2();
                if (state_1 === "break")
                    break;
            }
            this.p = et;
            if (oc < 0) {
                var dat = f ? buf.subarray(0, is - 12 - (oc == -2 && 8) - (b4(buf, is - 16) == 0x8074B50 && 4)) : buf.subarray(0, i);
                if (add)
                    add.push(dat, !!f);
                else
                    this.k[+(f == 2)].push(dat);
            }
            if (f & 2)
                return this.push(buf.subarray(i), final);
            this.p = buf.subarray(i);
        }
        if (final) {
            if (this.c)
                err(13);
            this.p = null;
        }
    };
    /**
     * Registers a decoder with the stream, allowing for files compressed with
     * the compression type provided to be expanded correctly
     * @param decoder The decoder constructor
     */
    Unzip.prototype.register = function (decoder) {
        this.o[decoder.compression] = decoder;
    };
    return Unzip;
}())));

var mt = typeof queueMicrotask == 'function' ? queueMicrotask : typeof setTimeout == 'function' ? setTimeout : function (fn) { fn(); };
function unzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    var term = [];
    var tAll = function () {
        for (var i = 0; i < term.length; ++i)
            term[i]();
    };
    var files = {};
    var cbd = function (a, b) {
        mt(function () { cb(a, b); });
    };
    mt(function () { cbd = cb; });
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558) {
            cbd(err(13, 0, 1), null);
            return tAll;
        }
    }
    ;
    var lft = b2(data, e + 8);
    if (lft) {
        var c = lft;
        var o = b4(data, e + 16);
        var z = b4(data, e - 20) == 0x7064B50;
        if (z) {
            var ze = b4(data, e - 12);
            z = b4(data, ze) == 0x6064B50;
            if (z) {
                c = lft = b4(data, ze + 32);
                o = b4(data, ze + 48);
            }
        }
        var fltr = opts && opts.filter;
        var _loop_3 = function (i) {
            var _a = zh(data, o, z), c_1 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
            o = no;
            var cbl = function (e, d) {
                if (e) {
                    tAll();
                    cbd(e, null);
                }
                else {
                    if (d)
                        files[fn] = d;
                    if (!--lft)
                        cbd(null, files);
                }
            };
            if (!fltr || fltr({
                name: fn,
                size: sc,
                originalSize: su,
                compression: c_1
            })) {
                if (!c_1)
                    cbl(null, slc(data, b, b + sc));
                else if (c_1 == 8) {
                    var infl = data.subarray(b, b + sc);
                    // Synchronously decompress under 512KB, or barely-compressed data
                    if (su < 524288 || sc > 0.8 * su) {
                        try {
                            cbl(null, inflateSync(infl, { out: new u8(su) }));
                        }
                        catch (e) {
                            cbl(e, null);
                        }
                    }
                    else
                        term.push(inflate(infl, { size: su }, cbl));
                }
                else
                    cbl(err(14, 'unknown compression type ' + c_1, 1), null);
            }
            else
                cbl(null, null);
        };
        for (var i = 0; i < c; ++i) {
            _loop_3(i);
        }
    }
    else
        cbd(null, {});
    return tAll;
}
/**
 * Synchronously decompresses a ZIP archive. Prefer using `unzip` for better
 * performance with more than one file.
 * @param data The raw compressed ZIP file
 * @param opts The ZIP extraction options
 * @returns The decompressed files
 */
function unzipSync(data, opts) {
    var files = {};
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558)
            err(13);
    }
    ;
    var c = b2(data, e + 8);
    if (!c)
        return {};
    var o = b4(data, e + 16);
    var z = b4(data, e - 20) == 0x7064B50;
    if (z) {
        var ze = b4(data, e - 12);
        z = b4(data, ze) == 0x6064B50;
        if (z) {
            c = b4(data, ze + 32);
            o = b4(data, ze + 48);
        }
    }
    var fltr = opts && opts.filter;
    for (var i = 0; i < c; ++i) {
        var _a = zh(data, o, z), c_2 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
        o = no;
        if (!fltr || fltr({
            name: fn,
            size: sc,
            originalSize: su,
            compression: c_2
        })) {
            if (!c_2)
                files[fn] = slc(data, b, b + sc);
            else if (c_2 == 8)
                files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
            else
                err(14, 'unknown compression type ' + c_2);
        }
    }
    return files;
}

;// CONCATENATED MODULE: ./lib/zip/inflate.js
// Entries small enough to take whole are inflated in one synchronous call by fflate (a well-kept
// pure-JS inflater) into one reused buffer. Node's inflateRawSync makes a zlib engine per call whose
// native memory waits for a garbage collection: over 100,000 small files, 200 MB of it. Its streams
// give each piece of output a new buffer too: the backup's read-back of a 1 GiB tree's entries of a
// few hundred KB through them peaked ~12 MB higher (190-199 MB against 176-189, four runs each).
// Larger entries stream through Node's zlib.

/** Entries up to this size, stored and inflated, are read and inflated in one piece; larger ones stream. */
const WHOLE_ENTRY_LIMIT = 1024 * 1024;
/** Whether an entry of these sizes is inflated whole (WholeInflater) rather than streamed. */
const inflate_inflatesWhole = (compressedSize, size) => compressedSize <= WHOLE_ENTRY_LIMIT && size <= WHOLE_ENTRY_LIMIT;
class inflate_WholeInflater {
    scratch = Buffer.alloc(0);
    gathered = Buffer.alloc(0);
    /**
     * A reused buffer of at least `length` bytes, for an entry's stored bytes that arrive in pieces:
     * valid until the next call.
     */
    input(length) {
        if (this.gathered.length < length)
            this.gathered = Buffer.allocUnsafe(Math.max(length, 64 * 1024));
        return this.gathered;
    }
    /**
     * `deflated` inflated, as a view of a buffer that the next call reuses. At most `expectedSize + 1`
     * bytes come out, so a longer result shows as a wrong size without being held whole (a zip bomb
     * costs time, bounded by the entry's stored size, not memory). Throws on a damaged stream.
     */
    inflate(deflated, expectedSize) {
        const room = expectedSize + 1;
        if (this.scratch.length < room)
            this.scratch = Buffer.allocUnsafe(Math.max(room, 64 * 1024));
        const out = inflateSync(deflated, { out: this.scratch.subarray(0, room) });
        return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./lib/zip/format.js
// The zip format's vocabulary, in one place for the writer, the read-back, the restore reader and
// AES: record signatures and lengths, general purpose flags, extra field ids, and the Unix mode
// bits a "made by Unix" entry carries. Spec: PKWARE's APPNOTE.TXT 6.3
// (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), WinZip's AES notes for 0x9901.
/** Record signatures. */
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** Fixed lengths of the records, before their variable parts. */
const LOCAL_HEADER_LENGTH = 30;
const CENTRAL_HEADER_LENGTH = 46;
const END_LENGTH = 22;
const ZIP64_LOCATOR_LENGTH = 20;
/** A 32-bit field at this value means "see the zip64 extra field". */
const ZIP64_LIMIT = 0xffffffff;
/** General purpose bit flags. */
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
/** Extra field ids. */
const ZIP64_EXTRA_ID = 0x0001;
const EXTENDED_TIMESTAMP_ID = 0x5455;
const UNICODE_PATH_ID = 0x7075;
const format_AES_EXTRA_ID = 0x9901;
/** Compression methods (AES names the real one in its extra field). */
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const AES_METHOD = 99;
/** "Version made by" systems whose external attributes hold Unix modes. */
const MADE_BY_UNIX = 3;
const MADE_BY_OSX = 19;
/** The DOS attribute of a folder, in the low byte of the external attributes. */
const DOS_DIRECTORY = 0x10;
/** Unix file types in a mode. */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

;// CONCATENATED MODULE: ./lib/zip/aes.js
// WinZip AE-2 encryption (https://www.winzip.com/en/support/aes-encryption/), the AES zip format
// that 7-Zip, WinZip, pyzipper and libarchive read. Per entry: a random salt; PBKDF2-HMAC-SHA1
// (1,000 rounds) turns password + salt into an AES-256 key, an HMAC key and a 2-byte password
// check; the data is AES-CTR with a little-endian counter starting at 1; a 10-byte HMAC-SHA1 of
// the ciphertext closes it. AE-2 leaves the CRC field 0 (the HMAC authenticates instead).



const pbkdf2Async = (0,external_node_util_namespaceObject.promisify)(external_node_crypto_namespaceObject.pbkdf2);


const KEY_BYTES = 32; // AES-256, what this tool writes
const SALT_BYTES = 16;
/** WinZip's strength byte (1, 2, 3) to the key length; the salt is half the key. */
const AES_KEY_BYTES = { 1: 16, 2: 24, 3: 32 };
const BLOCK = 16;
const AES_MAC_BYTES = 10;
/** Salt and password check before the data, MAC after it. */
const AES_OVERHEAD = SALT_BYTES + 2 + AES_MAC_BYTES;
/** The 0x9901 extra field: AE-2, vendor "AE", AES-256, and the real compression method. */
const AES_EXTRA_LENGTH = 11;
function aesExtraField(actualMethod) {
    const extra = Buffer.alloc(AES_EXTRA_LENGTH);
    extra.writeUInt16LE(AES_EXTRA_ID, 0);
    extra.writeUInt16LE(7, 2);
    extra.writeUInt16LE(2, 4); // AE-2
    extra.write('AE', 6, 'latin1');
    extra.writeUInt8(3, 8); // 256-bit key
    extra.writeUInt16LE(actualMethod, 9);
    return extra;
}
/** One entry's encryption: its own salt, so no two entries share a keystream. */
class EntryCipher {
    preamble;
    reading;
    ecb;
    mac;
    counter = 1;
    /** Keystream bytes left over from the last block of the previous update. */
    spare = Buffer.alloc(0);
    constructor(key, macKey, 
    /** Salt and password check, written before the encrypted data. */
    preamble, 
    /** Reading: the code authenticates the ciphertext, which is then the input. */
    reading = false) {
        this.preamble = preamble;
        this.reading = reading;
        this.ecb = (0,external_node_crypto_namespaceObject.createCipheriv)(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
        this.mac = (0,external_node_crypto_namespaceObject.createHmac)('sha1', macKey);
    }
    static async create(password) {
        // The counter blocks are laid out with a Uint32Array, whose byte order is the machine's.
        if ((0,external_node_os_namespaceObject.endianness)() !== 'LE')
            throw new Error('archive-password needs a little-endian machine (x64, arm64)');
        const salt = (0,external_node_crypto_namespaceObject.randomBytes)(SALT_BYTES);
        const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * KEY_BYTES + 2, 'sha1');
        const preamble = Buffer.concat([salt, derived.subarray(2 * KEY_BYTES)]);
        return new EntryCipher(derived.subarray(0, KEY_BYTES), derived.subarray(KEY_BYTES, 2 * KEY_BYTES), preamble);
    }
    /**
     * For reading an entry back: from its salt and password check; null when the password does not fit.
     * `keyBytes` is 16, 24 or 32 (AES-128, -192, -256; the salt is half as long).
     */
    static async forReading(password, preamble, keyBytes = KEY_BYTES) {
        if ((0,external_node_os_namespaceObject.endianness)() !== 'LE')
            throw new Error('archive-password needs a little-endian machine (x64, arm64)');
        const saltBytes = keyBytes / 2;
        const salt = preamble.subarray(0, saltBytes);
        const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * keyBytes + 2, 'sha1');
        if (!derived.subarray(2 * keyBytes).equals(preamble.subarray(saltBytes, saltBytes + 2)))
            return null;
        return new EntryCipher(derived.subarray(0, keyBytes), derived.subarray(keyBytes, 2 * keyBytes), Buffer.from(preamble), true);
    }
    /** Encrypts the next bytes of the entry (a new buffer; `data` is left as it is). */
    update(data) {
        if (this.reading)
            this.mac.update(data);
        // Unpooled, so its words are aligned for the 32-bit XOR below.
        const out = Buffer.allocUnsafeSlow(data.length);
        data.copy(out);
        const done = Math.min(this.spare.length, data.length);
        for (let i = 0; i < done; i++)
            out[i] ^= this.spare[i];
        this.spare = this.spare.subarray(done);
        if (done < data.length) {
            const keystream = this.keystream(Math.ceil((data.length - done) / BLOCK));
            xorInPlace(out, done, keystream);
            // At most 15 bytes are kept for the next call (copied, so the keystream itself can go).
            this.spare = Buffer.from(keystream.subarray(data.length - done));
        }
        if (!this.reading)
            this.mac.update(out);
        return out;
    }
    /** The authentication code, written after the encrypted data. */
    final() {
        return this.mac.digest().subarray(0, AES_MAC_BYTES);
    }
    /** `blocks` blocks of keystream: AES of the counter, counting from 1, little-endian (not Node's CTR order). */
    keystream(blocks) {
        const counters = new Uint32Array(blocks * 4);
        for (let i = 0; i < blocks; i++) {
            counters[i * 4] = this.counter % 0x1_0000_0000;
            counters[i * 4 + 1] = Math.floor(this.counter / 0x1_0000_0000);
            this.counter++;
        }
        return this.ecb.update(Buffer.from(counters.buffer));
    }
}
/** out[start..] ^= keystream, a word at a time where both are aligned. */
function xorInPlace(out, start, keystream) {
    const length = out.length - start;
    let i = 0;
    const outOffset = out.byteOffset + start;
    if (outOffset % 4 === 0 && keystream.byteOffset % 4 === 0) {
        const words = length >>> 2;
        const a = new Int32Array(out.buffer, outOffset, words);
        const b = new Int32Array(keystream.buffer, keystream.byteOffset, words);
        for (let w = 0; w < words; w++)
            a[w] ^= b[w];
        i = words * 4;
    }
    for (; i < length; i++)
        out[start + i] ^= keystream[i];
}
/** The archive password does not open an AE-2 entry (its 2-byte password check differs). */
class AesPasswordError extends Error {
    name = 'AesPasswordError';
}
/**
 * Reads one AE-2 entry's stored bytes, in order, in pieces of any size: the salt and password
 * check first, then the ciphertext (decrypted), and the 10-byte authentication code last, which is
 * always held back from the output and checked by `finish()`.
 */
class AesEntryReader {
    password;
    keyBytes;
    head = Buffer.alloc(0);
    tail = Buffer.alloc(0);
    cipher;
    /** `keyBytes`: 32 for AES-256 (what this tool writes), 24 or 16 for zips of other tools. */
    constructor(password, keyBytes = KEY_BYTES) {
        this.password = password;
        this.keyBytes = keyBytes;
    }
    /** The plaintext of the next stored bytes (empty while the preamble or the code is gathered). */
    async read(chunk) {
        let data = chunk;
        if (!this.cipher) {
            this.head = Buffer.concat([this.head, chunk]);
            const preamble = this.keyBytes / 2 + 2;
            if (this.head.length < preamble)
                return Buffer.alloc(0);
            const cipher = await EntryCipher.forReading(this.password, this.head.subarray(0, preamble), this.keyBytes);
            if (!cipher)
                throw new AesPasswordError('its password check does not match the archive password');
            this.cipher = cipher;
            data = this.head.subarray(preamble);
        }
        const all = Buffer.concat([this.tail, data]);
        const keep = Math.min(all.length, AES_MAC_BYTES);
        this.tail = Buffer.from(all.subarray(all.length - keep));
        const body = all.subarray(0, all.length - keep);
        return body.length > 0 ? this.cipher.update(body) : Buffer.alloc(0);
    }
    /** What is wrong with the entry once all of it was read, or null when its code checks out. */
    finish() {
        if (!this.cipher)
            return 'cut short';
        const expected = this.cipher.final();
        return this.tail.length === expected.length && (0,external_node_crypto_namespaceObject.timingSafeEqual)(this.tail, expected)
            ? null
            : 'wrong authentication code';
    }
}

;// CONCATENATED MODULE: ./lib/restore/zip-reader.js
// Reads a zip back, through yauzl (a well-kept reader) and its public API. Opening reads the whole
// central directory and checks the zip's structure before any data is read: the end record's count
// against the directory's size, every local header against its central record, no two entries
// sharing or overlapping their bytes, every method one this tool reads (naming a tool that reads the
// others). Then each entry's data comes out checked against its CRC-32 and size, or for AES entries
// (WinZip AE-1/AE-2, 128 to 256 bits) against the password check and the authentication code: small
// entries whole (contentSync), the others as streams.










/** Methods other tools write, named so that the refusal can say which tool reads them. */
const METHOD_NAMES = {
    1: 'Shrink',
    6: 'Implode',
    9: 'Deflate64',
    12: 'bzip2',
    14: 'LZMA',
    93: 'Zstandard',
    95: 'XZ',
    98: 'PPMd',
};
/**
 * One entry of the zip, as a restore needs it: only this is kept of yauzl's entry, in flat fields
 * (100,000 entries with a nested object each weigh 25 MB more). An entry whose name and mode the
 * plan keeps as they are is also its own node in the plan (plan.ts's PlannedNode): 100,000 files
 * then need no second object each.
 */
class ArchiveEntry {
    name;
    displayName;
    kind;
    mode;
    size;
    mtime;
    aesKeyBytes;
    compressedSize;
    crc32;
    method;
    aesVersion;
    aesMethod;
    /** Its place in the nodes of the plan that holds it (set by the plan). */
    index = -1;
    /** The first byte after the local header (set once the structure is checked). */
    dataStart = -1;
    constructor(
    /** The name's bytes (the Unicode path field's when it has one), `/`-separated, without a trailing `/`. */
    name, 
    /** For messages: decoded, control characters escaped (the same string as `name` for a plain ASCII name). */
    displayName, kind, 
    /** Unix permission bits (with setuid, setgid, sticky), when the zip has them. */
    mode, size, 
    /**
     * Seconds since the epoch, from the extended timestamp (or NTFS time), else the DOS time; null when
     * the zip's is not a time. A number, not a Date: 100,000 Dates weigh 9 MB.
     */
    mtime, 
    /** AES entries: the key length (16, 24, 32 bytes). */
    aesKeyBytes, compressedSize, 
    /** Signed (`| 0`): compare as `>>> 0`. */
    crc32, 
    /** 0 (stored), 8 (deflated) or 99 (AES, whose field names the method inside). */
    method, 
    /** AES entries: AE-1 or AE-2; 0 for the others. */
    aesVersion, 
    /** AES entries: the method inside the encryption. */
    aesMethod) {
        this.name = name;
        this.displayName = displayName;
        this.kind = kind;
        this.mode = mode;
        this.size = size;
        this.mtime = mtime;
        this.aesKeyBytes = aesKeyBytes;
        this.compressedSize = compressedSize;
        this.crc32 = crc32;
        this.method = method;
        this.aesVersion = aesVersion;
        this.aesMethod = aesMethod;
    }
    // As its own plan node: the path is the name, the entry is itself.
    get path() {
        return this.name;
    }
    get entry() {
        return this;
    }
    get display() {
        return this.displayName;
    }
}
/** The read-ahead window through which yauzl reads the central directory and the local headers. */
const WINDOW_BYTES = 1024 * 1024;
/** A zip that must not be restored: the message names the entry and the rule. */
class UnsafeArchiveError extends errors_BackupError {
    name = 'UnsafeArchiveError';
}
/** A zip whose data does not match its own checksums (or a wrong archive password). */
class CorruptArchiveError extends errors_BackupError {
    name = 'CorruptArchiveError';
}
/** A zip this tool does not read (a method or an encryption of other tools); the message names one that does. */
class UnsupportedArchiveError extends errors_BackupError {
    name = 'UnsupportedArchiveError';
}
const refused = (what) => `${what}. The zip is refused as a whole and nothing was written.`;
class OpenArchive {
    reader;
    entries;
    inflater = new inflate_WholeInflater();
    constructor(reader, entries) {
        this.reader = reader;
        this.entries = entries;
    }
    /** Opens `file`, reads the whole central directory and checks the zip's structure. */
    static async open(file) {
        const reader = new WindowedReader((0,external_node_fs_namespaceObject.openSync)(file, 'r'));
        try {
            let zip;
            try {
                zip = await new Promise((resolve, reject) => yauzl.fromRandomAccessReader(reader, reader.size, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, z) => (error ? reject(error) : resolve(z))));
            }
            catch (error) {
                throw new CorruptArchiveError(`The backup is not a readable zip (${error.message}).`);
            }
            try {
                const end = readEndRecord(reader);
                // Sized once (growing by copies leaves MBs of garbage at 100,000 entries): the end record's count,
                // but no more records than the file has room for, whatever the end record claims.
                const expected = Math.min(zip.entryCount, Math.floor(reader.size / CENTRAL_HEADER_LENGTH));
                const entries = new Array(expected);
                const spans = new Spans(expected);
                let read = 0;
                let directoryBytes = 0;
                // Each record is checked as it is read and only its description kept: yauzl's entries weigh.
                await forEachCentralRecord(zip, (raw, next) => {
                    const entry = describe(raw);
                    checkMethod(entry, raw);
                    directoryBytes += CENTRAL_HEADER_LENGTH + raw.fileNameLength + raw.extraFieldLength + raw.fileCommentLength;
                    zip.readLocalFileHeader(raw, {}, (error, local) => next(() => {
                        spans.add(raw.relativeOffsetOfLocalHeader, locateData(raw, entry, error, local, reader.size));
                        entries[read++] = entry;
                    }));
                });
                entries.length = read;
                if (end)
                    checkCount(end, entries.length, directoryBytes);
                spans.check(entries, end);
                return new OpenArchive(reader, entries);
            }
            finally {
                zip.close();
                // yauzl's listeners on the reader hold the zip and, through it, every entry it read.
                zip.removeAllListeners();
                reader.removeAllListeners();
            }
        }
        catch (error) {
            reader.release();
            throw error;
        }
    }
    close() {
        this.reader.release();
    }
    /**
     * A small unencrypted entry's whole content, read and inflated in one piece and checked (CRC-32 and
     * size) before it is returned; null for an entry that is read as a stream (large or AES). The
     * content is a view of a reused buffer (the read window, or the inflater's): use it before the next call.
     */
    contentSync(entry) {
        if (!readsWhole(entry))
            return null;
        const stored = this.reader.bytes(entry.dataStart, entry.compressedSize);
        const content = inflateChecked(stored, entry, this.inflater);
        if (!Buffer.isBuffer(content))
            throw problemError(entry.displayName, content);
        return content;
    }
    /**
     * The entry's content as it was zipped, checked as it streams: a CRC-32 (or, for AES, the
     * authentication code) that does not match makes the stream fail at its end.
     */
    content(entry, password) {
        const { displayName } = entry;
        const aes = entry.aesVersion !== 0;
        if (aes && (password === undefined || password === ''))
            throw encryptedWithoutPassword(entry);
        const stored = this.reader.stream(entry.dataStart, entry.compressedSize);
        const checks = [];
        if (aes)
            checks.push(new AesCheck(password, entry.aesKeyBytes, displayName));
        const method = aes ? entry.aesMethod : entry.method;
        if (method === METHOD_DEFLATED)
            checks.push((0,external_node_zlib_namespaceObject.createInflateRaw)());
        checks.push(new SizeCheck(entry.size, displayName));
        // AE-2 has no CRC-32 (its authentication code checks the data); AE-1 keeps it as well.
        if (!aes || entry.aesVersion === 1)
            checks.push(new CrcCheck(entry.crc32, displayName));
        return chain(displayName, stored, ...checks);
    }
}
/** Whether contentSync takes the entry (small and not encrypted); the others are read as streams. */
const readsWhole = (entry) => entry.aesVersion === 0 && inflate_inflatesWhole(entry.compressedSize, entry.size);
/**
 * A small unencrypted entry's stored bytes, inflated when deflated and checked against its size and
 * CRC-32: the content (a view of the inflater's reused buffer), or what is wrong with it.
 */
function inflateChecked(stored, entry, inflater) {
    let content;
    try {
        // No bytes at all is an empty entry whatever the method (as yauzl and unzip read it).
        content = entry.method === METHOD_STORED || stored.length === 0 ? stored : inflater.inflate(stored, entry.size);
    }
    catch (error) {
        return { kind: 'damaged', detail: error.message };
    }
    if (content.length !== entry.size)
        return { kind: 'size' };
    if ((0,external_node_zlib_namespaceObject.crc32)(content) >>> 0 !== entry.crc32 >>> 0)
        return { kind: 'crc' };
    return content;
}
/** The problem as the entry's failure. */
function problemError(name, problem) {
    if (problem.kind === 'size')
        return wrongSize(name);
    if (problem.kind === 'crc')
        return wrongCrc(name);
    return damaged(name, new Error(problem.detail));
}
/**
 * Small entries of a zip checked by a thread that has not opened it (the archive worker's parent):
 * it gets where each entry's data is, reads through its own descriptor, and checks as contentSync does.
 */
class zip_reader_WholeEntryChecker {
    inflater = new WholeInflater();
    reader;
    constructor(file) {
        this.reader = new WindowedReader(openSync(file, 'r'));
    }
    /** Null when the entry is sound. Only for entries that contentSync takes (inflatesWhole, not AES). */
    check(dataStart, compressedSize, entry) {
        if (!inflatesWhole(compressedSize, entry.size))
            throw new Error('internal: a streamed entry was sent to be checked whole');
        const content = inflateChecked(this.reader.bytes(dataStart, compressedSize), entry, this.inflater);
        return Buffer.isBuffer(content) ? null : content;
    }
    close() {
        this.reader.release();
    }
}
function encryptedWithoutPassword(entry) {
    return new errors_ArchivePasswordError(`'${entry.displayName}' is encrypted (archive-password): set ONEFICHIER_ARCHIVE_PASSWORD to restore it.`);
}
/** For streams on the archive's descriptor: a stream's end or destroy() must not close it (release() does). */
const SHARED_DESCRIPTOR = {
    open: external_node_fs_namespaceObject.open,
    read: external_node_fs_namespaceObject.read,
    close: (_fd, callback) => callback(null),
};
/**
 * The zip's one descriptor, read through a window: yauzl asks for the central directory and each
 * local header in pieces of a few bytes, which here cost a copy instead of a system call each.
 * yauzl's README lets a reader implement `read` itself; data streams come from `stream`.
 */
class WindowedReader extends yauzl.RandomAccessReader {
    fd;
    size;
    /** Two windows, most recent first: one on the central directory, one on the local headers it points to. */
    windows = [];
    released = false;
    constructor(fd) {
        super();
        this.fd = fd;
        this.size = (0,external_node_fs_namespaceObject.fstatSync)(fd).size;
    }
    /**
     * `length` bytes at `position` (at most WINDOW_BYTES): a view of a window, valid until the next
     * call. The two windows' memory is reused, so that 100,000 small entries make no garbage here.
     */
    bytes(position, length) {
        const window = this.windowFor(position, length);
        const from = position - window.start;
        return window.bytes.subarray(from, from + length);
    }
    /** The window that holds these bytes, filled if neither does; made the most recent. No allocation. */
    windowFor(position, length) {
        const [first, second] = this.windows;
        const holds = (w) => w && position >= w.start && position + length <= w.start + w.filled;
        if (holds(first))
            return first;
        if (holds(second)) {
            this.windows[0] = second;
            this.windows[1] = first;
            return second;
        }
        if (length > WINDOW_BYTES)
            throw new Error(`internal: a read of ${length} bytes is larger than a window`);
        // The least recent one is refilled (or a second one made), and becomes the most recent.
        const window = second ?? { start: 0, filled: 0, bytes: Buffer.allocUnsafe(WINDOW_BYTES) };
        this.fill(window, position, length);
        this.windows[1] = first ?? window;
        this.windows[0] = window;
        if (!first)
            this.windows.length = 1;
        return window;
    }
    fill(window, position, needed) {
        const want = Math.min(WINDOW_BYTES, this.size - position);
        if (want < needed)
            throw new CorruptArchiveError('The backup is cut short (a read past its end).');
        window.start = position;
        window.filled = 0;
        while (window.filled < want) {
            const read = (0,external_node_fs_namespaceObject.readSync)(this.fd, window.bytes, window.filled, want - window.filled, position + window.filled);
            if (read === 0)
                break;
            window.filled += read;
        }
        if (window.filled < needed)
            throw new CorruptArchiveError('The backup is cut short (a read past its end).');
    }
    /** The stored bytes of one entry, as a stream that does not close the shared descriptor. */
    stream(start, length) {
        if (length === 0) {
            const empty = new external_node_stream_namespaceObject.PassThrough();
            empty.end();
            return empty;
        }
        return (0,external_node_fs_namespaceObject.createReadStream)('', { fd: this.fd, start, end: start + length - 1, fs: SHARED_DESCRIPTOR });
    }
    read(buffer, offset, length, position, callback) {
        let failure = null;
        try {
            // Copied straight from the window: no view made per read (yauzl reads 4 times per entry).
            const window = this.windowFor(position, length);
            window.bytes.copy(buffer, offset, position - window.start, position - window.start + length);
        }
        catch (error) {
            failure = error;
        }
        // Never synchronously: yauzl reads the next entry from this callback, 100,000 deep otherwise.
        process.nextTick(callback, failure);
    }
    _readStreamForRange(start, end) {
        return this.stream(start, end - start);
    }
    close(callback) {
        // The descriptor is the archive's, closed by release(); yauzl's close only ends its own use.
        process.nextTick(callback, null);
    }
    release() {
        if (this.released)
            return;
        this.released = true;
        this.windows = [];
        (0,external_node_fs_namespaceObject.closeSync)(this.fd);
    }
}
/** The central directory's length in bytes, from the end record alone (0 when there is none). */
function zip_reader_centralDirectoryBytes(file) {
    const reader = new WindowedReader(openSync(file, 'r'));
    try {
        return readEndRecord(reader)?.size ?? 0;
    }
    catch {
        return 0;
    }
    finally {
        reader.release();
    }
}
/**
 * Calls `visit` with each central record in turn; `visit` reads what it needs and calls `next` with
 * the step that ends its work (which may throw). Callbacks, not an async function per record: at
 * 100,000 records, the promises alone weighed 200 MB of garbage.
 */
async function forEachCentralRecord(zip, visit) {
    await new Promise((resolve, reject) => {
        const fail = (error) => reject(errors_asError(error));
        const next = (finish) => {
            try {
                finish();
            }
            catch (error) {
                fail(error);
                return;
            }
            zip.readEntry();
        };
        zip.on('entry', (raw) => {
            try {
                visit(raw, next);
            }
            catch (error) {
                fail(error);
            }
        });
        zip.on('end', resolve);
        zip.on('error', (error) => reject(new CorruptArchiveError(`The backup's central directory cannot be read (${error.message}).`)));
        zip.readEntry();
    });
}
/**
 * Where the central directory is and how long, from the end record (zip64's when it has one), read
 * through the archive's own reader (yauzl has just read the same tail: no second open).
 */
function readEndRecord(reader) {
    const length = Math.min(reader.size, END_LENGTH + 0xffff);
    const tail = reader.bytes(reader.size - length, length);
    const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (at < 0 || at + END_LENGTH > length)
        return null;
    let size = tail.readUInt32LE(at + 12);
    let offset = tail.readUInt32LE(at + 16);
    if ((size === 0xffffffff || offset === 0xffffffff || tail.readUInt16LE(at + 10) === 0xffff) && at >= 20) {
        if (tail.readUInt32LE(at - ZIP64_LOCATOR_LENGTH) !== ZIP64_LOCATOR_SIGNATURE)
            return { offset, size };
        const recordAt = Number(tail.readBigUInt64LE(at - 12));
        if (recordAt + 56 > reader.size)
            return null;
        const record = reader.bytes(recordAt, 56);
        if (record.readUInt32LE(0) !== ZIP64_END_SIGNATURE)
            return null;
        size = Number(record.readBigUInt64LE(40));
        offset = Number(record.readBigUInt64LE(48));
    }
    return { offset, size };
}
/**
 * The bytes each entry spans in the file (from its local header to its data's end), in flat arrays:
 * no two may share or overlap, and none may run into the central directory.
 */
class Spans {
    starts;
    ends;
    count = 0;
    /** `expected`: the entries the end record counts (the arrays grow if there are more). */
    constructor(expected) {
        this.starts = new Float64Array(Math.max(16, expected));
        this.ends = new Float64Array(this.starts.length);
    }
    add(start, end) {
        if (this.count === this.starts.length) {
            this.starts = grown(this.starts);
            this.ends = grown(this.ends);
        }
        this.starts[this.count] = start;
        this.ends[this.count++] = end;
    }
    check(entries, end) {
        const { starts, ends } = this;
        const order = this.byStart();
        const at = (i) => (order ? order[i] : i);
        for (let i = 1; i < this.count; i++) {
            const [before, after] = [at(i - 1), at(i)];
            if (starts[after] < ends[before]) {
                const how = starts[after] === starts[before] ? 'share one local entry' : 'overlap';
                throw new UnsafeArchiveError(refused(`The backup's entries '${entries[before].displayName}' and '${entries[after].displayName}' ${how} ` +
                    `in the file (byte ${starts[after]})`));
            }
        }
        const last = this.count > 0 ? at(this.count - 1) : undefined;
        if (end && last !== undefined && ends[last] > end.offset) {
            throw new UnsafeArchiveError(refused(`The backup's entry '${entries[last].displayName}' runs into the central directory`));
        }
    }
    /** The entries' indexes by where they start; null when they are in that order already (as writers write them). */
    byStart() {
        const { starts } = this;
        let sorted = true;
        for (let i = 1; i < this.count && sorted; i++)
            sorted = starts[i - 1] <= starts[i];
        if (sorted)
            return null;
        return Array.from({ length: this.count }, (_, i) => i).sort((a, b) => starts[a] - starts[b]);
    }
}
function grown(values) {
    const more = new Float64Array(values.length * 2);
    more.set(values);
    return more;
}
/** The end record's count must account for the whole central directory: no entry hidden behind it. */
function checkCount(end, count, directoryBytes) {
    if (directoryBytes === end.size)
        return;
    throw new UnsafeArchiveError(refused(`The backup's end record counts ${count} entries, but its central directory is ${end.size} bytes ` +
        `long and those entries fill ${directoryBytes}: the zip holds entries its count hides`));
}
/**
 * The entry's local header must agree with its central record (name, method, encryption, CRC-32);
 * sets where its data starts and returns where its bytes end.
 */
function locateData(raw, entry, error, local, fileSize) {
    const name = entry.displayName;
    if (error)
        throw new CorruptArchiveError(`'${name}' has no readable local header (${error.message}).`);
    const disagree = !local.fileName.equals(raw.fileNameRaw)
        ? 'another name'
        : local.compressionMethod !== raw.compressionMethod
            ? 'another compression method'
            : (local.generalPurposeBitFlag & FLAG_ENCRYPTED) !== (raw.generalPurposeBitFlag & FLAG_ENCRYPTED)
                ? 'another encryption'
                : (raw.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) === 0 && local.crc32 !== raw.crc32
                    ? 'another CRC-32'
                    : null;
    if (disagree) {
        throw new UnsafeArchiveError(refused(`The backup's entry '${name}' has a local header that gives ${disagree} than its central record`));
    }
    const end = local.fileDataStart + raw.compressedSize;
    if (end > fileSize)
        throw new CorruptArchiveError(`'${name}' runs past the end of the file: the backup is cut short.`);
    entry.dataStart = local.fileDataStart;
    return end;
}
/** The Info-ZIP Unicode path field's name, when its CRC says it belongs to this entry's name. */
function unicodePath(raw) {
    const field = raw.extraFields.find((f) => f.id === UNICODE_PATH_ID);
    if (!field || field.data.length < 6 || field.data[0] !== 1)
        return null;
    if (field.data.readUInt32LE(1) !== (0,external_node_zlib_namespaceObject.crc32)(raw.fileNameRaw) >>> 0)
        return null;
    return field.data.subarray(5);
}
/** For messages; a plain ASCII name's display is its raw string itself (no second copy). */
function displayOf(name, raw, flags) {
    if (isPlainAscii(name))
        return raw;
    const utf8 = (flags & FLAG_UTF8) !== 0 || !name.toString('utf8').includes('\uFFFD');
    return format_escapeControl(name.toString(utf8 ? 'utf8' : 'latin1'));
}
function isPlainAscii(name) {
    for (const byte of name)
        if (byte < 0x20 || byte > 0x7e)
            return false;
    return true;
}
function describe(raw) {
    const unicode = unicodePath(raw);
    const name = unicode ?? raw.fileNameRaw;
    const system = raw.versionMadeBy >> 8;
    const unixMode = system === MADE_BY_UNIX || system === MADE_BY_OSX ? (raw.externalFileAttributes >>> 16) & 0xffff : 0;
    const type = unixMode & S_IFMT;
    const slash = name[name.length - 1] === 0x2f;
    const isDir = type === S_IFDIR || slash || (type === 0 && (raw.externalFileAttributes & DOS_DIRECTORY) !== 0);
    const kind = type === S_IFLNK ? 'symlink' : isDir ? 'directory' : 'file';
    const trimmed = slash ? name.subarray(0, name.length - 1) : name;
    const rawName = trimmed.toString('latin1');
    const mtime = raw.getLastModDate();
    const aes = aesField(raw);
    return new ArchiveEntry(rawName, displayOf(trimmed, rawName, unicode ? FLAG_UTF8 : raw.generalPurposeBitFlag), kind, unixMode ? unixMode & 0o7777 : null, raw.uncompressedSize, 
    // Whole seconds (the zip's times are), kept as small integers: 100,000 boxed numbers weigh 2 MB.
    Number.isNaN(mtime.getTime()) ? null : Math.floor(mtime.getTime() / 1000), aes ? (AES_KEY_BYTES[aes.strength] ?? null) : null, raw.compressedSize, 
    // Signed 32 bits for the same reason; compared as `>>> 0`.
    raw.crc32 | 0, raw.compressionMethod, aes ? aes.version : 0, aes ? aes.method : 0);
}
/** WinZip's AES field: AE-1 or AE-2, the key strength and the method inside the encryption. */
function aesField(raw) {
    if (raw.compressionMethod !== AES_METHOD)
        return null;
    const field = raw.extraFields.find((f) => f.id === format_AES_EXTRA_ID);
    if (!field || field.data.length < 7)
        return null;
    return { version: field.data.readUInt16LE(0), strength: field.data[4], method: field.data.readUInt16LE(5) };
}
/** Methods and encryptions this tool does not read are refused by name, with a tool that reads them. */
function checkMethod(entry, raw) {
    const method = raw.compressionMethod;
    if (method === AES_METHOD) {
        const aes = aesField(raw);
        if (!aes || entry.aesKeyBytes === null || (aes.version !== 1 && aes.version !== 2)) {
            throw new UnsupportedArchiveError(refused(`The backup's entry '${entry.displayName}' is AES-encrypted with a field this tool does not know`));
        }
        if (aes.method !== METHOD_STORED && aes.method !== METHOD_DEFLATED)
            return unsupportedMethod(entry, aes.method);
        const overhead = entry.aesKeyBytes / 2 + 2 + AES_MAC_BYTES;
        const storedSizeWrong = aes.method === METHOD_STORED && raw.compressedSize - overhead !== raw.uncompressedSize;
        if (raw.compressedSize < overhead || storedSizeWrong) {
            throw new UnsafeArchiveError(refused(`The backup's entry '${entry.displayName}' is AES-encrypted, but its inner method (${aes.method}) ` +
                `and sizes (${raw.compressedSize} stored for ${raw.uncompressedSize}) disagree`));
        }
        return;
    }
    if ((raw.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0) {
        throw new UnsupportedArchiveError(refused(`The backup's entry '${entry.displayName}' uses ZipCrypto (PKWARE's traditional encryption), which this tool ` +
            `does not read: extract it with 7-Zip (7z x) or unzip`));
    }
    if (method !== METHOD_STORED && method !== METHOD_DEFLATED)
        unsupportedMethod(entry, method);
    if (method === METHOD_STORED && raw.compressedSize !== raw.uncompressedSize) {
        throw new UnsafeArchiveError(refused(`The backup's entry '${entry.displayName}' is stored uncompressed, but its sizes disagree ` +
            `(${raw.compressedSize} stored for ${raw.uncompressedSize})`));
    }
}
function unsupportedMethod(entry, method) {
    const name = METHOD_NAMES[method];
    const what = name ? `${name} compression (method ${method})` : `compression method ${method}`;
    throw new UnsupportedArchiveError(refused(`The backup's entry '${entry.displayName}' uses ${what}, which this tool does not read: ` +
        `extract it with 7-Zip (7z x)${method === 12 || method === 9 ? ' or unzip' : ''}`));
}
/**
 * Pipes `source` through `steps` and returns the last, to which any failure on the way is passed:
 * a bad deflate stream or a short entry is a damaged backup, never an unhandled error.
 */
function chain(name, source, ...steps) {
    const last = steps[steps.length - 1];
    const fail = (error) => {
        if (last.destroyed)
            return;
        source.destroy();
        last.destroy(damaged(name, error));
    };
    let from = source;
    for (const step of steps) {
        from.on('error', fail);
        from = from.pipe(step);
    }
    return last;
}
/** Passes the data through; fails at the end when its CRC-32 is not the entry's. */
class CrcCheck extends external_node_stream_namespaceObject.Transform {
    expected;
    name;
    crc = 0;
    constructor(expected, name) {
        super();
        this.expected = expected;
        this.name = name;
    }
    _transform(chunk, _encoding, callback) {
        this.crc = (0,external_node_zlib_namespaceObject.crc32)(chunk, this.crc);
        callback(null, chunk);
    }
    _flush(callback) {
        callback(this.crc >>> 0 === this.expected >>> 0 ? null : wrongCrc(this.name));
    }
}
/** The inflated size must be the one the central directory gives, and is never read past it. */
class SizeCheck extends external_node_stream_namespaceObject.Transform {
    expected;
    name;
    seen = 0;
    constructor(expected, name) {
        super();
        this.expected = expected;
        this.name = name;
    }
    _transform(chunk, _encoding, callback) {
        this.seen += chunk.length;
        if (this.seen > this.expected)
            callback(this.wrong());
        else
            callback(null, chunk);
    }
    _flush(callback) {
        callback(this.seen === this.expected ? null : this.wrong());
    }
    wrong() {
        return wrongSize(this.name);
    }
}
const wrongCrc = (name) => new CorruptArchiveError(`'${name}' fails its CRC-32 check: the backup is damaged.`);
const wrongSize = (name) => new CorruptArchiveError(`'${name}' does not inflate to its listed size: the backup is damaged.`);
const damaged = (name, error) => error instanceof CorruptArchiveError || error instanceof errors_ArchivePasswordError
    ? error
    : new CorruptArchiveError(`'${name}' cannot be read back (${error.message}): the backup is damaged.`);
/** WinZip AES: decrypted as it streams; a wrong password or authentication code fails it. */
class AesCheck extends external_node_stream_namespaceObject.Transform {
    name;
    reader;
    constructor(password, keyBytes, name) {
        super();
        this.name = name;
        this.reader = new AesEntryReader(password, keyBytes);
    }
    _transform(chunk, _encoding, callback) {
        this.reader.read(chunk).then((plain) => callback(null, plain.length > 0 ? plain : undefined), (error) => callback(error instanceof AesPasswordError
            ? new errors_ArchivePasswordError(`'${this.name}' does not open with this archive password (its password check differs): check ` +
                `ONEFICHIER_ARCHIVE_PASSWORD (archive-password).`)
            : error));
    }
    _flush(callback) {
        const problem = this.reader.finish();
        if (!problem) {
            callback();
            return;
        }
        callback(new CorruptArchiveError(problem === 'cut short'
            ? `'${this.name}' is cut short: the backup is damaged.`
            : `'${this.name}' fails its AES authentication code: the backup is damaged or was changed.`));
    }
}
/** Reads one entry to its end (checking it) without keeping the bytes. */
async function drainChecked(stream) {
    await (0,promises_namespaceObject.pipeline)(stream, new external_node_stream_namespaceObject.Writable({
        write: (_chunk, _encoding, done) => done(),
    }));
}

;// CONCATENATED MODULE: ./lib/restore/archive-failure.js
// A failure crosses from the archive worker to the main thread as a plain record, and comes back as
// the error class the failure policy (core/failure.ts) knows: its exit code and words stay the same
// as when the work ran in the main thread.


// Most specific first: the first class the error is an instance of names its family.
const FAMILIES = {
    UnsafeArchiveError: UnsafeArchiveError,
    CorruptArchiveError: CorruptArchiveError,
    UnsupportedArchiveError: UnsupportedArchiveError,
    ArchivePasswordError: errors_ArchivePasswordError,
    BackupError: errors_BackupError,
};
function serializeFailure(error) {
    const err = errors_asError(error);
    const family = Object.keys(FAMILIES).find((k) => err instanceof FAMILIES[k]);
    const code = err.code;
    return {
        family: family ?? null,
        name: err.name,
        message: err.message,
        stack: err.stack,
        code: typeof code === 'string' ? code : undefined,
    };
}
function archive_failure_rebuildFailure(failure) {
    const error = failure.family
        ? new FAMILIES[failure.family](failure.message)
        : Object.assign(new Error(failure.message), { name: failure.name });
    if (failure.code !== undefined)
        Object.assign(error, { code: failure.code });
    error.stack = failure.stack;
    return error;
}

;// CONCATENATED MODULE: ./lib/restore/unanswered.js
// Batches the archive worker sends its parent thread (files to write, entries to check) and the
// parent has not answered yet: at most a few, so that what they hold stays bounded.
class Unanswered {
    limit;
    nextId = 0;
    /** Oldest first (a Map keeps the order of insertion). */
    waiting = new Map();
    constructor(limit) {
        this.limit = limit;
    }
    /** As many unanswered as the limit: wait for room() before sending more. */
    get full() {
        return this.waiting.size >= this.limit;
    }
    /** A new batch's id, counted as unanswered until answered(id). */
    sent() {
        const id = this.nextId++;
        let answer;
        const answered = new Promise((resolve) => (answer = resolve));
        this.waiting.set(id, { answered, answer });
        return id;
    }
    answered(id) {
        this.waiting.get(id)?.answer();
        this.waiting.delete(id);
    }
    /** Waits until fewer than the limit are unanswered. */
    async room() {
        while (this.full)
            await this.oldest();
    }
    /** Waits for every batch sent, whatever their outcome. */
    async settle() {
        while (this.waiting.size > 0)
            await this.oldest();
    }
    oldest() {
        return this.waiting.values().next().value.answered;
    }
}

;// CONCATENATED MODULE: ./lib/restore/file-writes.js
// Small files as a restore writes them: created exclusively, never through a link, their mode and
// time set on the open file after the data, in synchronous calls (for 100,000 files a trip through
// the thread pool per call cost more than the calls). On the archive worker, the files go to the
// parent thread in batches (BatchedFileWriter): the parent is idle while the worker inflates and
// checks, and creating the files was half of a 100,000-file restore's time (3.5 s of open(2) alone),
// so the two now overlap on two cores.


const CREATE_NEW = external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL | external_node_fs_namespaceObject.constants.O_NOFOLLOW;
/** One small file (`content` from `start` to `end`): `where` must not exist (never opened through a link). */
function writeWholeFile(content, where, mode, mtime, start = 0, end = content.length) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(where, CREATE_NEW, 0o600);
    try {
        for (let at = start; at < end;)
            at += (0,external_node_fs_namespaceObject.writeSync)(fd, content, at, end - at);
        (0,external_node_fs_namespaceObject.fchmodSync)(fd, mode);
        if (mtime !== null)
            (0,external_node_fs_namespaceObject.futimesSync)(fd, mtime, mtime);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
const FIELDS = 5;
/** The parent's side: the batch's files in order, stopping at the first failure. */
function file_writes_writeBatch(batch) {
    // Views of the batch's one buffer, no copies.
    const bytes = Buffer.from(batch.bytes);
    const { fields } = batch;
    for (let at = 0; at < fields.length; at += FIELDS) {
        // One view per file (its path): the content is written from the batch's buffer by offset.
        const where = bytes.subarray(fields[at], fields[at + 1]);
        const mtime = fields[at + 4];
        try {
            writeWholeFile(bytes, where, fields[at + 3], Number.isNaN(mtime) ? null : mtime, fields[at + 1], fields[at + 2]);
        }
        catch (error) {
            const { code, message } = error;
            return { kind: 'written', id: batch.id, bytes: batch.bytes, failure: { code, message, path: where.toString() } };
        }
    }
    return { kind: 'written', id: batch.id, bytes: batch.bytes };
}
/** A batch closes at this many bytes or files. */
const BATCH_BYTES = 1 << 20;
const BATCH_FILES = 256;
/** Batches sent and not yet answered, at most: bounds the memory they hold. */
const MAX_IN_FLIGHT = 3;
/** The worker's side: files gathered into batches for the parent, at most a few batches ahead of it. */
class BatchedFileWriter {
    send;
    buffer = new Uint8Array(BATCH_BYTES);
    /** Buffers handed back by the parent, to be filled again. */
    spare = [];
    used = 0;
    fields = [];
    unanswered = new Unanswered(MAX_IN_FLIGHT);
    failure = null;
    constructor(send) {
        this.send = send;
    }
    /** Too many batches unanswered: await room() before adding more. */
    get full() {
        return this.unanswered.full;
    }
    /** The file joins the open batch (its bytes are copied: `content` may be a reused buffer). */
    add(content, where, mode, mtime) {
        this.throwIfFailed();
        const length = where.length + content.length;
        if (this.used + length > this.buffer.length || this.fields.length >= BATCH_FILES * FIELDS)
            this.flush(length);
        this.buffer.set(where, this.used);
        this.buffer.set(content, this.used + where.length);
        this.fields.push(this.used, this.used + where.length, this.used + length, mode, mtime ?? NaN);
        this.used += length;
    }
    /** Waits until fewer batches are unanswered; throws the parent's failure, if any. */
    async room() {
        await this.unanswered.room();
        this.throwIfFailed();
    }
    /** Every file added is written (or the first failure thrown). */
    async drain() {
        this.flush(0);
        await this.unanswered.settle();
        this.throwIfFailed();
    }
    /** Waits for every batch sent, whatever their outcome: nothing is being written after this. */
    async settle() {
        await this.unanswered.settle();
    }
    /** The parent's answer to a batch. */
    acknowledge(ack) {
        if (ack.failure && !this.failure) {
            const { code, message, path } = ack.failure;
            this.failure = Object.assign(new Error(message), { code, path });
        }
        if (ack.bytes.byteLength >= BATCH_BYTES)
            this.spare.push(ack.bytes);
        this.unanswered.answered(ack.id);
    }
    /** Sends the open batch; the next one gets a buffer with room for at least `next` bytes. */
    flush(next) {
        if (this.fields.length > 0) {
            const id = this.unanswered.sent();
            const bytes = this.buffer.buffer;
            this.send({ kind: 'write', id, bytes, fields: Float64Array.from(this.fields) }, [bytes]);
            const spare = this.spare.pop();
            this.buffer = new Uint8Array(spare ?? new ArrayBuffer(BATCH_BYTES));
        }
        if (next > this.buffer.length)
            this.buffer = new Uint8Array(next);
        this.used = 0;
        this.fields = [];
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure;
    }
}

;// CONCATENATED MODULE: external "node:fs/promises"
const external_node_fs_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./lib/core/retention.js
// Which backups of a series to keep: restic `forget` semantics, as a pure function. Nothing here
// can reach the network or the disk; the caller lists, this decides, the caller deletes.
/** The within-<period> rules, each with its period. */
const WITHIN_RULES = [
    ['withinHourly', 'hourly'],
    ['withinDaily', 'daily'],
    ['withinWeekly', 'weekly'],
    ['withinMonthly', 'monthly'],
    ['withinYearly', 'yearly'],
];
/** restic's count rules, in its order: the one list the inputs, the plan and the summary use. */
const COUNT_RULES = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'];
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(time) {
    const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
    const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
    const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
    return { year: day.getUTCFullYear(), week: Math.floor((day.getTime() - yearStart) / 86_400_000 / 7) + 1 };
}
/** The period a backup falls in for a rule, as the label shown in reasons. */
function period(rule, t) {
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    switch (rule) {
        case 'hourly':
            return `${date}T${pad(t.getUTCHours())}`;
        case 'daily':
            return date;
        case 'weekly': {
            const { year, week } = isoWeek(t);
            return `${year}-W${pad(week)}`;
        }
        case 'monthly':
            return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
        case 'yearly':
            return String(t.getUTCFullYear());
    }
}
/** `36h`, `30d`, `8w`, `6m`, `1y`, or combined (`1y6m`). */
function retention_parseDuration(text) {
    const trimmed = text.trim();
    if (!/^(\d+[hdwmy])+$/.test(trimmed)) {
        throw new Error(`'${text}' is not a duration: give a number and a unit (h, d, w, m, y), e.g. 36h, 30d, 8w, 6m, 1y`);
    }
    const duration = { years: 0, months: 0, days: 0, hours: 0 };
    for (const [, amount, unit] of trimmed.matchAll(/(\d+)([hdwmy])/g)) {
        const n = Number(amount);
        if (n > 100_000)
            throw new Error(`'${text}' is too long a duration`);
        if (unit === 'h')
            duration.hours += n;
        else if (unit === 'd')
            duration.days += n;
        else if (unit === 'w')
            duration.days += 7 * n;
        else if (unit === 'm')
            duration.months += n;
        else
            duration.years += n;
    }
    return duration;
}
function durationLabel(d) {
    const parts = [
        d.years ? `${d.years}y` : '',
        d.months ? `${d.months}m` : '',
        d.days ? `${d.days}d` : '',
        d.hours ? `${d.hours}h` : '',
    ].join('');
    return parts === '' ? '0h' : parts;
}
/** `time - d` with calendar arithmetic, as Go's AddDate: 31 March minus 1 month is 3 March. */
function subtractDuration(time, d) {
    return new Date(Date.UTC(time.getUTCFullYear() - d.years, time.getUTCMonth() - d.months, time.getUTCDate() - d.days, time.getUTCHours() - d.hours, time.getUTCMinutes(), time.getUTCSeconds(), time.getUTCMilliseconds()));
}
function planRetention(series, policy, options) {
    // Newest first; for equal times the name decides, so the plan never depends on listing order.
    const sorted = [...series].sort((a, b) => b.time.getTime() - a.time.getTime() || (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
    const now = options.now.getTime();
    const protect = options.protect ?? new Set();
    const future = sorted.filter((b) => b.time.getTime() > now);
    const reference = sorted.find((b) => b.time.getTime() <= now)?.time ?? null;
    const withinCutoff = policy.within && reference ? subtractDuration(reference, policy.within).getTime() : null;
    const withinCutoffs = new Map();
    for (const [key] of WITHIN_RULES) {
        const d = policy[key];
        if (d && reference)
            withinCutoffs.set(key, subtractDuration(reference, d).getTime());
    }
    const lastWithin = new Map();
    const slots = new Map(COUNT_RULES.map((rule) => [rule, policy[rule] ?? 0]));
    const lastPeriod = new Map();
    const decisions = sorted.map((backup, index) => {
        const reasons = [];
        const isOldest = index === sorted.length - 1;
        if (protect.has(backup.url))
            reasons.push('new backup');
        if (backup.time.getTime() > now)
            reasons.push('dated in the future, never deleted');
        if (withinCutoff !== null &&
            policy.within &&
            backup.time.getTime() > withinCutoff &&
            backup.time.getTime() <= now) {
            reasons.push(`within ${durationLabel(policy.within)}`);
        }
        // within-<period>: inside its window, the newest backup of each period (no count, no oldest rule).
        for (const [key, rule] of WITHIN_RULES) {
            const cutoff = withinCutoffs.get(key);
            if (cutoff === undefined || backup.time.getTime() <= cutoff || backup.time.getTime() > now)
                continue;
            const label = period(rule, backup.time);
            // Like an unlimited count (restic), it also keeps the oldest backup when that is in its window.
            if (lastWithin.get(key) === label) {
                if (isOldest)
                    reasons.push(`oldest within-${rule} ${durationLabel(policy[key])}`);
                continue;
            }
            lastWithin.set(key, label);
            reasons.push(`within-${rule} ${durationLabel(policy[key])}: ${label}`);
        }
        for (const rule of COUNT_RULES) {
            const left = slots.get(rule) ?? 0;
            if (left <= 0)
                continue;
            const label = rule === 'last' ? String(index) : period(rule, backup.time);
            const newPeriod = label !== lastPeriod.get(rule);
            // A rule with slots left when the walk reaches the oldest backup keeps it too (restic, #3624).
            if (newPeriod || isOldest) {
                slots.set(rule, left - 1);
                lastPeriod.set(rule, label);
                if (rule === 'last')
                    reasons.push(policy.last === Infinity ? 'last (unlimited)' : `last ${(policy.last ?? 0) - left + 1}`);
                else
                    reasons.push(newPeriod ? `${rule} ${label}` : `oldest ${rule}`);
            }
        }
        return { backup, keep: reasons.length > 0, reasons };
    });
    return {
        decisions,
        keep: decisions.filter((d) => d.keep),
        remove: decisions.filter((d) => !d.keep),
        reference,
        future,
    };
}

;// CONCATENATED MODULE: ./lib/core/config.js
// Every input, read and validated in one place into one typed object. Pure: the shells (action, CLI)
// hand in a lookup function, so nothing here touches the environment, the disk or the network.


/** 1fichier's longest file name. */
const MAX_FILE_NAME = 250;
/** One bad input: names it, says what is wrong, shows a good value. */
class config_InputError extends Error {
    input;
    problem;
    example;
    constructor(input, 
    /** What is wrong, without the input's name: each shell names the input in its own words. */
    problem, example) {
        super(`Input '${input}': ${problem}. Example of a good value: ${example}`);
        this.input = input;
        this.problem = problem;
        this.example = example;
        this.name = 'InputError';
    }
}
/** All the bad inputs at once, so a user fixes them in one go. */
class config_InvalidInputs extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => p.message).join('\n'));
        this.problems = problems;
        this.name = 'InvalidInputs';
    }
}
const DEFAULT_API_URL = 'https://api.1fichier.com/v1';
const KEEP_COUNT_INPUTS = COUNT_RULES.map((rule) => `keep-${rule}`);
/** Every input, in action.yml's order (the CLI takes each one as a --flag but the secrets). */
const INPUT_NAMES = [
    'api-key',
    'path',
    'folder',
    'name-prefix',
    'label',
    'compression-level',
    'include-hidden-files',
    'follow-symlinks',
    'if-no-files-found',
    ...KEEP_COUNT_INPUTS,
    'keep-within',
    'keep-within-hourly',
    'keep-within-daily',
    'keep-within-weekly',
    'keep-within-monthly',
    'keep-within-yearly',
    'dry-run',
    'link-password',
    'archive-password',
    'skip-unchanged',
    'on-upload-failure',
    'retries',
    'stall-timeout-seconds',
    'api-url',
];
/** The inputs that are passwords: never trimmed, never printed, never a command-line argument. */
const SECRET_INPUTS = (/* unused pure expression or super */ null && (['api-key', 'link-password', 'archive-password']));
const BOOLEAN_TRUE = (/* unused pure expression or super */ null && (['true', 'True', 'TRUE']));
const BOOLEAN_FALSE = (/* unused pure expression or super */ null && (['false', 'False', 'FALSE']));
// Characters 1fichier mangles or rejects in names (rclone escapes them), plus path and control characters.
const UNSAFE_FOLDER_CHARS = /[\\<>"'$`\u0000-\u001f\u007f]/;
/**
 * Each reader records its problem and returns a harmless placeholder, so that all the problems are
 * found in one go and the user fixes them at once.
 */
function problemCollector() {
    const problems = [];
    const attempt = (fallback, read) => {
        try {
            return read();
        }
        catch (error) {
            if (error instanceof config_InputError)
                problems.push(error);
            else if (error instanceof config_InvalidInputs)
                problems.push(...error.problems);
            else
                throw error;
            return fallback;
        }
    };
    return { problems, attempt };
}
function parseConfig(get, env = {}) {
    const { problems, attempt } = problemCollector();
    const apiKey = attempt('', () => readApiKey(get('api-key')));
    const patterns = attempt('', () => readPatterns(get('path')));
    const folder = attempt([], () => readFolder(get('folder')));
    const namePrefix = attempt('backup', () => readNamePrefix(get('name-prefix'), env.repository));
    const label = attempt('', () => readLabel(get('label')));
    const compressionLevel = attempt(6, () => readInteger('compression-level', get('compression-level'), { min: 0, max: 9, fallback: 6, example: '6' }));
    const includeHiddenFiles = attempt(false, () => readBoolean('include-hidden-files', get('include-hidden-files'), false));
    const followSymlinks = attempt(false, () => readBoolean('follow-symlinks', get('follow-symlinks'), false));
    const ifNoFilesFound = attempt('error', () => readIfNoFilesFound(get('if-no-files-found')));
    const retention = attempt({}, () => readRetention(get));
    const dryRun = attempt(false, () => readBoolean('dry-run', get('dry-run'), false));
    const linkPassword = attempt('', () => readLinkPassword(get('link-password')));
    const archivePassword = attempt('', () => readArchivePassword(get('archive-password')));
    const skipUnchanged = attempt(false, () => readBoolean('skip-unchanged', get('skip-unchanged'), false));
    const onUploadFailure = attempt('fail', () => readOnUploadFailure(get('on-upload-failure')));
    const retries = attempt(5, () => readInteger('retries', get('retries'), { min: 1, max: 100, fallback: 5, example: '5' }));
    const stallTimeoutSeconds = attempt(300, () => readInteger('stall-timeout-seconds', get('stall-timeout-seconds'), {
        min: 5,
        max: 86_400,
        fallback: 300,
        example: '300',
    }));
    const apiUrl = attempt(DEFAULT_API_URL, () => readApiUrl(get('api-url')));
    const nameLength = backupFileName(namePrefix, new Date(0), label).length;
    if (nameLength > MAX_FILE_NAME) {
        problems.push(new config_InputError(label === '' ? 'name-prefix' : 'label', `the backup's file name would be ${nameLength} characters, more than the ${MAX_FILE_NAME} 1fichier accepts; ` +
            `shorten name-prefix or label`, 'my-repo'));
    }
    if (problems.length > 0)
        throw new config_InvalidInputs(problems);
    return {
        apiKey,
        patterns,
        folder,
        namePrefix,
        label,
        compressionLevel,
        includeHiddenFiles,
        followSymlinks,
        ifNoFilesFound,
        retention,
        dryRun,
        linkPassword,
        archivePassword,
        skipUnchanged,
        onUploadFailure,
        retries,
        stallTimeoutMs: stallTimeoutSeconds * 1000,
        apiUrl,
    };
}
function readApiKey(raw) {
    // Used exactly as stored: never trimmed, and never echoed (the problem is described, not shown).
    if (raw.trim() === '') {
        throw new config_InputError('api-key', 'it is empty; set it from a secret (create a key at https://1fichier.com/console/params.pl)', '${{ secrets.ONEFICHIER_API_KEY }}');
    }
    if (!/^[\x21-\x7e]+$/.test(raw)) {
        throw new config_InputError('api-key', 'it is not printable ASCII without spaces (white space around it, a line break or another character); copy ' +
            'the key again from https://1fichier.com/console/params.pl', '${{ secrets.ONEFICHIER_API_KEY }}');
    }
    return raw;
}
function readPatterns(raw) {
    const lines = raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
    if (!lines.some((line) => !line.startsWith('!'))) {
        throw new config_InputError('path', lines.length === 0 ? 'no path given' : 'only exclusions (!pattern) given, nothing to include', '"data/" or, on several lines, "data/", "config/*.yml", "!data/cache/**"');
    }
    return lines.join('\n');
}
function readFolder(raw) {
    const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
    if (trimmed === '')
        return [];
    const segments = trimmed.split('/');
    for (const segment of segments) {
        if (segment === '')
            throw new config_InputError('folder', `'${raw}' has an empty segment (//)`, 'backups/my-repo');
        if (segment === '.' || segment === '..') {
            throw new config_InputError('folder', `'${raw}' contains '${segment}'; give the path from the account root`, 'backups/my-repo');
        }
        if (segment !== segment.trim()) {
            throw new config_InputError('folder', `segment '${segment}' starts or ends with a space`, 'backups/my-repo');
        }
        if (UNSAFE_FOLDER_CHARS.test(segment)) {
            throw new config_InputError('folder', `segment '${segment}' contains a character 1fichier does not accept in names (\\ < > " ' $ \` or a control ` +
                `character)`, 'backups/my-repo');
        }
        if (segment.length > 250) {
            throw new config_InputError('folder', `segment '${segment.slice(0, 20)}...' is longer than 250 characters`, 'backups/my-repo');
        }
    }
    return segments;
}
/** The default prefix comes from the repository name, cleaned to the allowed characters. */
function defaultNamePrefix(repository) {
    const name = (repository ?? '').split('/').pop() ?? '';
    const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    return cleaned === '' ? 'backup' : cleaned;
}
function readNamePrefix(raw, repository) {
    const prefix = raw.trim();
    if (prefix === '')
        return defaultNamePrefix(repository);
    if (!NAME_PART.test(prefix)) {
        throw new config_InputError('name-prefix', `'${prefix}' may contain only letters, digits, '.', '_' and '-'`, 'my-repo');
    }
    if (prefix.length > 150)
        throw new config_InputError('name-prefix', 'it is longer than 150 characters', 'my-repo');
    return prefix;
}
function readLabel(raw) {
    const label = raw.trim();
    if (label === '')
        return '';
    if (!NAME_PART.test(label)) {
        throw new config_InputError('label', `'${label}' may contain only letters, digits, '.', '_' and '-' (a ref like refs/tags/v1 must be shortened)`, 'v1.4.0');
    }
    if (label.length > 80)
        throw new config_InputError('label', 'it is longer than 80 characters', 'v1.4.0');
    return label;
}
function readInteger(input, raw, rule) {
    const text = raw.trim();
    if (text === '')
        return rule.fallback;
    if (!/^\d+$/.test(text)) {
        throw new config_InputError(input, `'${text}' is not a whole number from ${rule.min} to ${rule.max}`, rule.example);
    }
    const value = Number(text);
    if (value < rule.min || value > rule.max) {
        throw new config_InputError(input, `${text} is outside ${rule.min} to ${rule.max}`, rule.example);
    }
    return value;
}
function readBoolean(input, raw, fallback) {
    const text = raw.trim();
    if (text === '')
        return fallback;
    if (BOOLEAN_TRUE.includes(text))
        return true;
    if (BOOLEAN_FALSE.includes(text))
        return false;
    throw new config_InputError(input, `'${text}' is not true or false`, 'true');
}
function readIfNoFilesFound(raw) {
    const text = raw.trim();
    if (text === '')
        return 'error';
    if (text === 'error' || text === 'warn' || text === 'ignore')
        return text;
    throw new config_InputError('if-no-files-found', `'${text}' is not one of error, warn, ignore`, 'error');
}
/** keep-within and restic's keep-within-<period> inputs, with their policy keys. */
const KEEP_WITHIN_INPUTS = [
    ['keep-within', 'within'],
    ...WITHIN_RULES.map(([key, period]) => [`keep-within-${period}`, key]),
];
function readRetention(get) {
    const policy = {};
    const problems = [];
    for (const input of KEEP_COUNT_INPUTS) {
        const text = get(input).trim();
        if (text === '')
            continue;
        // restic's -1: every period, as far back as the series goes.
        if (text === 'unlimited') {
            policy[input.slice('keep-'.length)] = Infinity;
            continue;
        }
        if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
            problems.push(new config_InputError(input, `'${text}' is not a whole number of 0 or more (0 turns the rule off), or unlimited`, '7'));
            continue;
        }
        policy[input.slice('keep-'.length)] = Number(text);
    }
    for (const [input, key] of KEEP_WITHIN_INPUTS) {
        const text = get(input).trim();
        if (text === '')
            continue;
        try {
            policy[key] = parseDuration(text);
        }
        catch (error) {
            problems.push(new config_InputError(input, error.message, '30d (units: h, d, w, m, y; e.g. 36h, 8w, 1y6m)'));
        }
    }
    if (problems.length === 1)
        throw problems[0];
    if (problems.length > 1)
        throw new config_InvalidInputs(problems);
    return policy;
}
function readLinkPassword(raw) {
    if (raw === '')
        return '';
    if (raw.trim() !== raw) {
        // Used exactly as stored: white space around it is refused, never silently dropped.
        throw new config_InputError('link-password', 'it starts or ends with white space (often a copy-paste slip); remove it where the password is kept', 'a secret of 6 or more characters');
    }
    if (raw.length < 6) {
        // Said without the value: it is a secret.
        throw new config_InputError('link-password', 'it is shorter than the 6 characters 1fichier requires', 'a secret of 6 or more characters');
    }
    if (/[\u0000-\u001f\u007f]/.test(raw)) {
        throw new config_InputError('link-password', 'it contains a line break or control character', 'a secret of 6 or more characters');
    }
    return raw;
}
/** WinZip and 7-Zip take any length; a short one is guessed quickly (PBKDF2 has only 1,000 rounds). */
const MIN_ARCHIVE_PASSWORD = 12;
function readArchivePassword(raw) {
    if (raw === '')
        return '';
    const example = 'a secret of 12 or more characters, e.g. from `openssl rand -base64 24`';
    // Said without the value: it is a secret.
    if (raw.length < MIN_ARCHIVE_PASSWORD) {
        throw new config_InputError('archive-password', `it is shorter than ${MIN_ARCHIVE_PASSWORD} characters, too easy to guess offline`, example);
    }
    if (raw.trim() !== raw) {
        throw new config_InputError('archive-password', 'it starts or ends with white space (often a copy-paste slip, and easy to lose when typing it into 7-Zip)', example);
    }
    if (/[\u0000-\u001f\u007f]/.test(raw)) {
        throw new config_InputError('archive-password', 'it contains a line break or control character', example);
    }
    return raw;
}
function readOnUploadFailure(raw) {
    const value = raw.trim();
    if (value === '' || value === 'fail')
        return 'fail';
    if (value === 'artifact')
        return 'artifact';
    throw new config_InputError('on-upload-failure', `'${value}' is not one of fail, artifact`, 'artifact');
}
/** Whether a URL's host is this machine (localhost, 127.0.0.0/8, ::1): the only place plain http may go. */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
function readApiUrl(raw) {
    const text = raw.trim();
    if (text === '')
        return DEFAULT_API_URL;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new config_InputError('api-url', `'${text}' is not a URL`, DEFAULT_API_URL);
    }
    // The key travels in a header: plain http is allowed only to this machine.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw new config_InputError('api-url', `'${text}' must use https (plain http only to localhost)`, DEFAULT_API_URL);
    }
    if (url.username !== '' || url.password !== '') {
        throw new config_InputError('api-url', 'it must not contain credentials; the key goes in api-key', DEFAULT_API_URL);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new config_InputError('api-url', `'${text}' must not have a query or fragment`, DEFAULT_API_URL);
    }
    return url.toString().replace(/\/+$/, '');
}
/** A retention policy is active when at least one rule keeps something. */
function retentionActive(policy) {
    return (KEEP_COUNT_INPUTS.some((input) => (policy[input.slice(5)] ?? 0) > 0) ||
        KEEP_WITHIN_INPUTS.some(([, key]) => policy[key] !== undefined && !isZeroDuration(policy[key])));
}
function isZeroDuration(d) {
    return d.years === 0 && d.months === 0 && d.days === 0 && d.hours === 0;
}
function parseRepositoryConfig(get, env = {}, options = {}) {
    const { problems, attempt } = problemCollector();
    const config = {
        apiKey: attempt('', () => readApiKey(get('api-key'))),
        folder: attempt([], () => readFolder(get('folder'))),
        namePrefix: attempt('backup', () => readNamePrefix(get('name-prefix'), env.repository)),
        retention: attempt({}, () => readRetention(get)),
        dryRun: attempt(false, () => readBoolean('dry-run', get('dry-run'), false)),
        linkPassword: attempt('', () => readLinkPassword(get('link-password'))),
        archivePassword: attempt('', () => readArchivePassword(get('archive-password'))),
        backup: attempt('latest', () => readBackupChoice(get('backup'), options.allowAll ?? false)),
        cdn: attempt(false, () => readBoolean('cdn', get('cdn'), false)),
        retries: attempt(5, () => readInteger('retries', get('retries'), { min: 1, max: 100, fallback: 5, example: '5' })),
        stallTimeoutMs: 1000 *
            attempt(300, () => readInteger('stall-timeout-seconds', get('stall-timeout-seconds'), {
                min: 5,
                max: 86_400,
                fallback: 300,
                example: '300',
            })),
        apiUrl: attempt(DEFAULT_API_URL, () => readApiUrl(get('api-url'))),
    };
    if (problems.length > 0)
        throw new config_InvalidInputs(problems);
    return config;
}
function readBackupChoice(raw, allowAll) {
    const text = raw.trim();
    if (text === '' || text === 'latest')
        return 'latest';
    if (text === 'all' && allowAll)
        return 'all';
    if (!/^[A-Za-z0-9._-]+\.zip$/.test(text)) {
        throw new config_InputError('backup', `'${text}' is not ${allowAll ? 'latest, all' : 'latest'} or the file name of a backup`, 'latest, or my-repo-20261128T031500Z.zip');
    }
    return text;
}

;// CONCATENATED MODULE: ./lib/core/failure.js
// The one failure policy: what a failed run says and the exit code it ends with, for the backup
// action, the restore sub-action and every command of the CLI. Crontabs and scripts rely on the codes.


/** Exit codes a crontab can rely on (the action's step fails on any but 0). */
const EXIT = {
    ok: 0,
    failed: 1,
    usage: 2,
    /** The backup is safe, but retention could not do all it planned (restic uses 3 too). */
    retentionIncomplete: 3,
    /** The series or the backup asked for does not exist (restic: 10, no repository). */
    noBackup: 10,
    /** Another run of the same series holds its lock (restic exits 11 when it cannot lock). */
    locked: 11,
    /** The archive password is missing or wrong (restic: 12). */
    wrongPassword: 12,
    /** 128 + SIGINT's number; SIGTERM gives 143. */
    cancelled: 130,
    terminated: 143,
};
/** Bad arguments or inputs, found before any request: exit code 2. */
class failure_UsageError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'UsageError';
}
function describeFailure(error, context = {}) {
    if (context.cancelled)
        return failure([context.cancelled.line], context.cancelled.exitCode);
    const describeInput = context.describeInput ?? ((problem) => problem.message);
    if (error instanceof InvalidInputs)
        return failure(error.problems.map(describeInput), EXIT.usage);
    if (error instanceof InputError)
        return failure([describeInput(error)], EXIT.usage);
    if (error instanceof failure_UsageError)
        return failure([error.message], EXIT.usage);
    if (error instanceof SeriesLockedError)
        return failure([error.message], EXIT.locked);
    if (error instanceof NoBackupFoundError)
        return failure([error.message], EXIT.noBackup);
    if (error instanceof ArchivePasswordError)
        return failure([error.message], EXIT.wrongPassword);
    if (error instanceof BackupError)
        return failure([error.message], EXIT.failed);
    return { ...failure([`Unexpected failure: ${messageOf(error)}`], EXIT.failed), unexpected: true };
}
function failure(lines, exitCode) {
    return { lines, exitCode, unexpected: false, summary: lines.join(' ') };
}

;// CONCATENATED MODULE: ./lib/restore/fs-failure.js
// A file-system condition met while restoring, in one line that names the file, the condition and
// what to do: never "Unexpected failure" for a full disk, a read-only folder or a name too long.



const ADVICE = {
    ENOSPC: 'the disk is full: free space there, or restore elsewhere',
    EDQUOT: 'the disk quota is used up: free space, or restore elsewhere',
    EFBIG: 'the file is too large for this file system: restore onto another one',
    EROFS: 'the file system is read-only: restore elsewhere, or mount it writable',
    EACCES: 'permission denied: run as a user who may write there, or restore elsewhere',
    EPERM: 'the operation is not permitted: run as a user who may write there, or restore elsewhere',
    ENAMETOOLONG: 'a name is too long for this file system: restore into a shorter path or onto another file system',
    EINVAL: 'the file system refuses the name: restore onto another file system (e.g. not FAT or exFAT)',
    EILSEQ: 'the file system refuses the name (not valid in its encoding): restore onto another file system',
    EISDIR: 'a folder is there now: the target changed while the restore ran; run it again',
    ENOTDIR: 'a file is there where a folder was planned: the target changed while the restore ran; run it again',
    EEXIST: 'something is there now: the target changed while the restore ran; run it again',
    ENOENT: 'it is gone: the target changed while the restore ran; run it again',
    ELOOP: 'a link is there where a folder was planned: the target changed while the restore ran; run it again',
    EMFILE: 'too many open files: raise the limit (ulimit -n) and run again',
    ENFILE: 'the system has too many open files: run again later',
    EIO: 'the disk reported an I/O error: check the disk',
    EBUSY: 'it is busy (in use or a mount point): restore elsewhere',
    ENOTEMPTY: 'a folder there is not empty: the target changed while the restore ran; run it again',
    EXDEV: 'it lies on another file system: restore into a folder on one file system',
};
/** The error as a one-line restore failure, or undefined when it is no file-system condition. */
function fs_failure_restoreFailure(error, target, undoNote) {
    const { code, path: failed } = (error ?? {});
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code))
        return undefined;
    const file = typeof failed === 'string' ? where(failed, target) : `'${format_escapeControl(target)}'`;
    const advice = ADVICE[code] ?? 'a file-system error';
    return new errors_BackupError(`Restoring into ${file} failed (${code}): ${advice}. ${undoNote}`);
}
function where(failed, target) {
    const relative = external_node_path_namespaceObject.relative(target, failed);
    const inside = relative !== '' && !relative.startsWith('..') && !external_node_path_namespaceObject.isAbsolute(relative);
    // Our own staging folder is not a name the user knows: the target is.
    const shown = inside && !relative.startsWith('.1fichier-restore.') ? relative : failed;
    return `'${format_escapeControl(shown)}'`;
}

;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var ast_a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof ast_a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof ast_a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new ast_a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new ast_a(c, ast);
                    i = ast_a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new ast_a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new ast_a(c, part);
                part.push(ext);
                i = ast_a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new ast_a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new ast_a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new ast_a(null, undefined, options);
        ast_a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    ast_a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
ast_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./lib/restore/raw-name.js
// A zip's names need not be UTF-8 (a Linux file name is bytes), so restore carries them as bytes:
// as one-byte strings, a character per byte (latin1), because 100,000 strings weigh 50 MB less than
// 100,000 Buffers and compare, split and key a Map as strings do.
/** The name's bytes, for the file system (which takes a Buffer path as the bytes it holds). */
const bytesOf = (name) => Buffer.from(name, 'latin1');
/** The name's text, decoded as UTF-8 (as the file system shows it). */
const textOf = (name) => bytesOf(name).toString('utf8');

;// CONCATENATED MODULE: ./lib/restore/plan.js
// The plan of a restore, made from the whole central directory before any byte is written (as tar
// and restic plan theirs): every name normalised and checked, and the zip refused as a whole, naming
// the entry and the rule, when one would land outside the target, two entries would be one path on
// the target's file system, an entry lies under a link or a file entry, or a name cannot exist on
// the target's OS. Pure: the target's traits (OS, case folding) come in as rules. `check` runs the
// same plan, so a backup that `check` passes is one that `restore` can write.




/** The first segment of the staging folder a restore keeps inside its target; no entry may take it. */
const plan_STAGING_PREFIX = '.1fichier-restore.';
/** A node the plan made: only what the entry does not say is kept; the rest is read from the entry. */
class PlannedPath {
    path;
    kind;
    mode;
    entry;
    index = -1;
    constructor(path, kind, mode, entry) {
        this.path = path;
        this.kind = kind;
        this.mode = mode;
        this.entry = entry;
    }
    get display() {
        return this.entry !== null && this.path === this.entry.name ? this.entry.displayName : displayOfPath(this.path);
    }
    get mtime() {
        return this.entry?.mtime ?? null;
    }
    get size() {
        return this.kind === 'file' ? this.entry.size : 0;
    }
}
const refuse = (entry, why) => new UnsafeArchiveError(`The backup's entry '${entry}' ${why}. The zip is refused as a whole and nothing was written.`);
function planArchive(entries, rules) {
    const keyOf = keyFunction(rules);
    const byKey = new Map();
    for (const entry of entries) {
        const path = normalisedPath(entry, rules.platform);
        if (path === null)
            continue;
        const mode = entry.mode === null ? null : entry.mode & (rules.keepSpecialBits ? 0o7777 : 0o777);
        // The entry is its own node unless normalising or the mode rule changed something.
        const node = path === entry.name && mode === entry.mode ? entry : new PlannedPath(path, entry.kind, mode, entry);
        const key = keyOf(path);
        const same = byKey.get(key);
        if (same) {
            // The same folder twice is harmless (7-Zip and unzip take it); anything else is two writers of one path.
            if (same.kind === 'directory' && node.kind === 'directory')
                continue;
            throw refuse(entry.displayName, sameNameWhy(same, node));
        }
        byKey.set(key, node);
    }
    checkAncestors(byKey, keyOf);
    const chosen = rules.filter ? plan_select(byKey, keyOf, rules.filter) : byKey;
    // Folders first, shallowest first, so every parent exists before its content; the rest keep zip order.
    // Filled in place, not built by copies: at 100,000 nodes each copy is a MB of garbage.
    const nodes = new Array(chosen.size);
    let index = 0;
    const place = (node) => {
        node.index = index;
        nodes[index++] = node;
    };
    const folders = [];
    for (const node of chosen.values())
        if (node.kind === 'directory')
            folders.push(node);
    byDepth(folders).forEach(place);
    for (const node of chosen.values())
        if (node.kind !== 'directory')
            place(node);
    const plan = { nodes, keyOf, byKey: chosen, files: 0, directories: 0, links: 0, bytes: 0 };
    for (const node of nodes) {
        if (node.kind === 'file') {
            plan.files++;
            plan.bytes += node.size;
        }
        else if (node.kind === 'directory')
            plan.directories++;
        else
            plan.links++;
    }
    return plan;
}
function sameNameWhy(first, second) {
    if (first.path === second.path) {
        return first.kind === second.kind
            ? `appears twice (after './', '//' and a trailing '/' are read away): which one to restore is not clear`
            : `is both a ${kindWord(first.kind)} and a ${kindWord(second.kind)}`;
    }
    return (`and '${first.display}' would be one name on the target's file system (it does not tell case or Unicode ` +
        `forms apart)`);
}
const kindWord = (kind) => (kind === 'symlink' ? 'link' : kind === 'directory' ? 'folder' : 'file');
/** `nodes` sorted by depth, shallowest first (stable: the zip's order within a depth). */
function byDepth(nodes) {
    return nodes
        .map((node) => ({ node, depth: depthOf(node.path) }))
        .sort((a, b) => a.depth - b.depth)
        .map(({ node }) => node);
}
const depthOf = (path) => {
    let depth = 1;
    for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1))
        depth++;
    return depth;
};
/** A path made by the plan, for messages: decoded as UTF-8, control characters escaped. */
const displayOfPath = (path) => format_escapeControl(textOf(path));
/** The entry's path with `.` and empty segments read away; null for the target folder itself. */
function normalisedPath(entry, platform) {
    const name = entry.name;
    if (name.includes('\0'))
        throw refuse(entry.displayName, 'has a NUL byte in its name');
    // A drive letter ('C:/', 'C:\\', 'C:') is absolute on Windows and never a name a backup meant; 'a:b' is a Linux name.
    if (name.startsWith('/') || /^[A-Za-z]:([/\\]|$)/.test(name) || (platform === 'win32' && name.startsWith('\\')))
        throw refuse(entry.displayName, 'is an absolute path');
    const all = name.split('/');
    const segments = all.filter((s) => s.length > 0 && s !== '.');
    if (segments.includes('..'))
        throw refuse(entry.displayName, "goes up with '..'");
    if (segments.length === 0) {
        if (entry.kind === 'directory')
            return null;
        throw refuse(entry.displayName, 'has an empty name');
    }
    if (segments[0].startsWith(plan_STAGING_PREFIX))
        throw refuse(entry.displayName, `takes the name this tool reserves for its staging folder (${plan_STAGING_PREFIX}*)`);
    if (platform === 'win32')
        for (const segment of segments)
            checkWindowsName(entry, textOf(segment));
    if (segments.length === all.length)
        return name;
    return segments.join('/');
}
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** What Windows cannot hold: refused there only (a backslash is a legal name on Linux and macOS). */
function checkWindowsName(entry, segment) {
    const bad = /[<>:"|?*\\\u0000-\u001f]/.exec(segment);
    if (bad) {
        throw refuse(entry.displayName, `has '${format_escapeControl(bad[0])}' in its name, which Windows does not allow: restore it on Linux or macOS`);
    }
    if (WINDOWS_DEVICES.test(segment))
        throw refuse(entry.displayName, `is named '${segment}', a device name on Windows: restore it on Linux or macOS`);
    if (/[. ]$/.test(segment))
        throw refuse(entry.displayName, 'has a name ending in a dot or a space, which Windows drops: restore it elsewhere');
}
function keyFunction(rules) {
    // The path itself where names do not fold: no second string per entry.
    if (!rules.foldCase && !rules.foldUnicode)
        return (path) => path;
    return (path) => {
        let text = textOf(path);
        if (rules.foldUnicode)
            text = text.normalize('NFC');
        if (rules.foldCase)
            text = text.toLowerCase();
        return text;
    };
}
/** No entry under a link or a file entry; folders the zip implies are added (without mode or time). */
function checkAncestors(byKey, keyOf) {
    // Folders added on the way are visited too (a Map's iteration takes them): harmless, and no copy.
    for (const node of byKey.values()) {
        let end = node.path.indexOf('/');
        while (end >= 0) {
            const path = node.path.slice(0, end);
            const above = byKey.get(keyOf(path));
            if (above?.kind === 'symlink')
                throw refuse(node.display, `lies under '${above.display}', a link entry: it could land outside the target`);
            if (above?.kind === 'file')
                throw refuse(node.display, `lies under '${above.display}', a file entry: a file and a folder share a name`);
            if (!above) {
                byKey.set(keyOf(path), new PlannedPath(path, 'directory', null, null));
            }
            end = node.path.indexOf('/', end + 1);
        }
    }
}
/** The nodes the filter selects, with the folders above them. */
function plan_select(byKey, keyOf, filter) {
    const chosen = new Map();
    for (const [key, node] of byKey) {
        if (!filter.selects(textOf(node.path)))
            continue;
        chosen.set(key, node);
        let end = node.path.lastIndexOf('/');
        while (end > 0) {
            const above = keyOf(node.path.slice(0, end));
            if (chosen.has(above))
                break;
            chosen.set(above, byKey.get(above));
            end = node.path.lastIndexOf('/', end - 1);
        }
    }
    return chosen;
}
/**
 * restic's --include and --exclude for restore: a pattern with a leading `/` is anchored at the
 * backup's root, any other matches at any depth; a pattern that matches a folder takes all inside it.
 */
class PathFilter {
    include;
    exclude;
    constructor(include, exclude) {
        this.include = include.map(compile);
        this.exclude = exclude.map(compile);
    }
    get restrictsIncludes() {
        return this.include.length > 0;
    }
    /** Whether `path` (relative, `/`-separated) is restored, and so (with --delete) may be deleted. */
    selects(path) {
        const parts = path.split('/');
        const prefixes = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
        const hit = (patterns) => patterns.some((m) => prefixes.some((p) => m.match(p)));
        return (this.include.length === 0 || hit(this.include)) && !hit(this.exclude);
    }
}
function compile(pattern) {
    const trimmed = pattern.replace(/\/+$/, '');
    const anchored = trimmed.startsWith('/') ? trimmed : `/**/${trimmed}`;
    return new Minimatch(anchored, { dot: true, nocomment: true, nonegate: true });
}

;// CONCATENATED MODULE: ./lib/restore/target.js
// The plan against what the target already holds, file by file, by restic's --overwrite modes: what
// is created, replaced, left as it is, and (only with --delete, inside the restored paths) deleted.
// Reads the target; changes nothing. A path the target holds as a link is never written through: it
// is replaced (or, with `never`, it and what the backup has under it are left alone).







const OVERWRITE_MODES = (/* unused pure expression or super */ null && (['always', 'if-changed', 'if-newer', 'never']));
const ACTIONS = ['create', 'replace', 'merge', 'unchanged', 'kept', 'skipped'];
/** Whether the restore writes what has this action (it makes it new, or in place of what is there). */
const writes = (action) => action === 'create' || action === 'replace';
/** Each planned node's action, a byte by its index (a Map of 100,000 nodes would weigh 4 MB more). */
class Actions {
    plan;
    codes;
    constructor(plan) {
        this.plan = plan;
        this.codes = new Uint8Array(plan.nodes.length);
    }
    get(node) {
        const code = this.codes[this.indexOf(node)];
        return code === 0 ? undefined : ACTIONS[code - 1];
    }
    set(node, action) {
        this.codes[this.indexOf(node)] = ACTIONS.indexOf(action) + 1;
    }
    /** Whether the restore writes `node`. */
    writes(node) {
        return writes(this.get(node));
    }
    // An entry is its own node in every plan made of it, and the latest plan numbers it: a node of
    // another plan must not read this plan's action at its index.
    indexOf(node) {
        if (this.plan.nodes[node.index] !== node)
            throw new Error(`internal: '${node.display}' is not in this plan`);
        return node.index;
    }
}
/** Compares the plan with what `target` holds. `target` may be missing (then all is created). */
async function planAgainstTarget(plan, target, options) {
    const actions = new Actions(plan);
    const rootAction = 'merge';
    const parentAction = (node) => {
        const slash = node.path.lastIndexOf('/');
        if (slash < 0)
            return rootAction;
        return actions.get(plan.byKey.get(plan.keyOf(node.path.slice(0, slash)))) ?? 'create';
    };
    let bytesToWrite = 0;
    for (const node of plan.nodes) {
        const above = parentAction(node);
        let action;
        if (writes(above))
            action = 'create';
        else if (above !== 'merge')
            action = 'skipped';
        else
            action = decide(node, await lstatOrNull(joinRelative(target, node.path)), options);
        actions.set(node, action);
        if (writes(action) && node.kind === 'file')
            bytesToWrite += node.size;
    }
    const deletions = options.delete ? await findDeletions(plan, actions, target, options) : [];
    return { actions, deletions, bytesToWrite };
}
function decide(node, existing, options) {
    if (!existing)
        return 'create';
    const mode = options.overwrite;
    if (node.kind === 'directory') {
        if (existing.isDirectory())
            return 'merge';
        return mode === 'never' ? 'skipped' : 'replace';
    }
    if (existing.isDirectory()) {
        if (mode === 'never')
            return 'kept';
        if (options.delete)
            return 'replace';
        throw new errors_BackupError(`'${node.display}' is a folder in the target but a ${node.kind === 'symlink' ? 'link' : 'file'} in the ` +
            `backup: it is not replaced, as that would delete what the folder holds. Move it away, add --delete, or ` +
            `restore into another folder. Nothing was written.`);
    }
    const sameType = node.kind === 'symlink' ? existing.isSymbolicLink() : existing.isFile();
    if (mode === 'never')
        return 'kept';
    if (!sameType || mode === 'always' || mode === null)
        return 'replace';
    const backupSeconds = node.mtime === null ? null : Math.floor(node.mtime);
    const targetSeconds = Math.floor(existing.mtimeMs / 1000);
    if (mode === 'if-newer')
        return backupSeconds !== null && backupSeconds > targetSeconds ? 'replace' : 'kept';
    // if-changed: restic's shortcut, a file of the same size and modification time is taken as the same.
    const same = backupSeconds === targetSeconds && (node.kind === 'symlink' || existing.size === node.size);
    return same && node.kind === 'file' ? 'unchanged' : 'replace';
}
/** With --delete: what the target holds inside the restored folders that the backup lacks. */
async function findDeletions(plan, actions, target, options) {
    const folders = [''];
    for (const node of plan.nodes)
        if (actions.get(node) === 'merge')
            folders.push(node.path);
    const deletions = [];
    for (const folder of folders) {
        const names = await (0,external_node_fs_promises_namespaceObject.readdir)(joinRelative(target, folder), { encoding: 'buffer' }).catch(() => []);
        for (const bytes of names) {
            const name = bytes.toString('latin1');
            const relative = folder.length === 0 ? name : `${folder}/${name}`;
            if (folder.length === 0 && name.startsWith(plan_STAGING_PREFIX))
                continue;
            if (plan.byKey.has(plan.keyOf(relative)))
                continue;
            const text = textOf(relative);
            if (!options.restored(text))
                continue;
            const stats = await lstatOrNull(joinRelative(target, relative));
            if (!stats)
                continue;
            deletions.push({
                path: relative,
                display: format_escapeControl(text),
                kind: stats.isSymbolicLink()
                    ? 'symlink'
                    : stats.isDirectory()
                        ? 'directory'
                        : stats.isFile()
                            ? 'file'
                            : 'other',
            });
        }
    }
    return deletions;
}
/** The file system's path of `relative` under `root`, as bytes (the name's own, whatever their encoding). */
function joinRelative(root, relative) {
    if (relative.length === 0)
        return Buffer.from(root);
    const native = external_node_path_namespaceObject.sep === '/' ? bytesOf(relative) : Buffer.from(textOf(relative).replaceAll('/', external_node_path_namespaceObject.sep));
    return Buffer.concat([Buffer.from(root + external_node_path_namespaceObject.sep), native]);
}
async function lstatOrNull(file) {
    try {
        return await (0,external_node_fs_promises_namespaceObject.lstat)(file);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return null;
        throw error;
    }
}
/** How the file system under `folder` compares names: probed with two files, removed at once. */
async function probeFolding(folder) {
    const probe = async (written, asked) => {
        const file = external_node_path_namespaceObject.join(folder, written);
        await (0,external_node_fs_promises_namespaceObject.writeFile)(file, '', { flag: 'wx' });
        try {
            return (await lstatOrNull(Buffer.from(external_node_path_namespaceObject.join(folder, asked)))) !== null;
        }
        finally {
            await (0,external_node_fs_promises_namespaceObject.unlink)(file);
        }
    };
    return {
        foldCase: await probe('probe-case-a', 'PROBE-CASE-A'),
        foldUnicode: await probe('probe-\u00e9', 'probe-e\u0301'),
    };
}
/** Removes a folder the restore made, if it is still empty (a failed restore into a new folder). */
async function removeIfEmpty(folder) {
    await (0,external_node_fs_promises_namespaceObject.rmdir)(folder).catch(() => undefined);
}

;// CONCATENATED MODULE: ./lib/restore/staging.js
// The staging folder of a restore, inside its target (so on the target's own file system: every move
// is a rename that cannot fail with EXDEV), and the journal that makes the restore undoable. Every
// change to the target is written to the journal before it is made: an original moved aside, a staged
// entry put in place, then "commit". A failure or a signal undoes the journal backwards; a run killed
// outright leaves the folder behind, and the next restore into that target undoes it the same way.









class Staging {
    target;
    root;
    journal;
    asideCount = 0;
    removed = false;
    lines = [];
    /** Where entries are staged before they are put in place. */
    newRoot;
    constructor(
    /** The target folder, resolved. */
    target, 
    /** The staging folder itself. */
    root) {
        this.target = target;
        this.root = root;
        this.journal = (0,external_node_fs_namespaceObject.openSync)(external_node_path_namespaceObject.join(root, 'journal'), 'a', 0o600);
        this.newRoot = external_node_path_namespaceObject.join(root, 'new');
    }
    /** A new staging folder inside `target` (which exists and is a folder). */
    static async create(target) {
        const root = external_node_path_namespaceObject.join(target, `${plan_STAGING_PREFIX}${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`);
        await (0,external_node_fs_promises_namespaceObject.mkdir)(root, { mode: 0o700 });
        const owner = { pid: process.pid, host: external_node_os_namespaceObject.hostname(), started: new Date().toISOString() };
        await (0,external_node_fs_promises_namespaceObject.writeFile)(external_node_path_namespaceObject.join(root, 'owner.json'), JSON.stringify(owner), { mode: 0o600 });
        await (0,external_node_fs_promises_namespaceObject.mkdir)(external_node_path_namespaceObject.join(root, 'new'), { mode: 0o700 });
        await (0,external_node_fs_promises_namespaceObject.mkdir)(external_node_path_namespaceObject.join(root, 'aside'), { mode: 0o700 });
        return new Staging(target, root);
    }
    /**
     * Staging folders a killed restore left in `target`: each one's journal is undone and the folder
     * removed. One whose process still runs on this machine is another restore at work: refused.
     */
    static async recoverLeftovers(target, log) {
        const names = await (0,external_node_fs_promises_namespaceObject.readdir)(target).catch(() => []);
        for (const name of names.filter((n) => n.startsWith(plan_STAGING_PREFIX))) {
            const root = external_node_path_namespaceObject.join(target, name);
            const owner = await readOwner(root);
            if (owner && owner.host === external_node_os_namespaceObject.hostname() && owner.pid !== process.pid && isAlive(owner.pid)) {
                throw new errors_BackupError(`Another restore into '${target}' is running (process ${owner.pid}, since ${owner.started}): wait for it ` +
                    `to end, or stop it, then run again.`);
            }
            const lines = (await (0,external_node_fs_promises_namespaceObject.readFile)(external_node_path_namespaceObject.join(root, 'journal'), 'utf8').catch(() => '')).split('\n');
            const committed = lines.includes('c');
            if (!committed)
                await undo(target, root, lines);
            await (0,external_node_fs_promises_namespaceObject.rm)(root, { recursive: true, force: true });
            log.warning(`A restore into '${target}' was stopped before it ended${owner ? ` (process ${owner.pid})` : ''}; ` +
                (committed ? 'it had finished its changes, and its staging folder was removed' : 'its changes were undone'));
        }
    }
    /** Where an entry is staged (`/`-separated relative path). */
    staged(relative) {
        return joinRelative(this.newRoot, relative);
    }
    /** Where an entry goes in the target. */
    placed(relative) {
        return joinRelative(this.target, relative);
    }
    /** Moves what the target has at `relative` aside (put back if the restore fails, removed if it succeeds). */
    async moveAside(relative) {
        const slot = String(this.asideCount++);
        this.write(`a ${slot} ${bytesOf(relative).toString('base64')}`);
        await (0,external_node_fs_promises_namespaceObject.rename)(this.placed(relative), external_node_path_namespaceObject.join(this.root, 'aside', slot));
    }
    /** Puts a staged entry (with everything under it) in place; nothing may be there. */
    async place(relative) {
        this.write(`p ${bytesOf(relative).toString('base64')}`);
        await (0,external_node_fs_promises_namespaceObject.rename)(this.staged(relative), this.placed(relative));
    }
    /** From here on the restore stands: the originals moved aside are gone with the staging folder. */
    commit() {
        this.write('c');
    }
    /** Undoes every change, newest first. */
    async rollback() {
        await undo(this.target, this.root, this.lines);
    }
    /** Removes the staging folder (and so the originals moved aside); safe to call twice. */
    async remove() {
        if (this.removed)
            return;
        this.removed = true;
        (0,external_node_fs_namespaceObject.closeSync)(this.journal);
        await (0,external_node_fs_promises_namespaceObject.rm)(this.root, { recursive: true, force: true });
    }
    write(line) {
        this.lines.push(line);
        (0,external_node_fs_namespaceObject.writeSync)(this.journal, `${line}\n`);
    }
}
/** Undoes a journal's lines, newest first: what was put in place goes back, what was moved aside returns. */
async function undo(target, root, lines) {
    for (const line of [...lines].reverse()) {
        const [op, a, b] = line.split(' ');
        if (op === 'p' && a) {
            const relative = Buffer.from(a, 'base64').toString('latin1');
            const placed = joinRelative(target, relative);
            if (await exists(placed)) {
                await (0,external_node_fs_promises_namespaceObject.rename)(placed, joinRelative(external_node_path_namespaceObject.join(root, 'new'), relative)).catch(() => (0,external_node_fs_promises_namespaceObject.rm)(placed, { recursive: true, force: true }));
            }
        }
        else if (op === 'a' && a && b) {
            const aside = external_node_path_namespaceObject.join(root, 'aside', a);
            if (await exists(aside))
                await (0,external_node_fs_promises_namespaceObject.rename)(aside, joinRelative(target, Buffer.from(b, 'base64').toString('latin1')));
        }
    }
}
const exists = (file) => (0,external_node_fs_promises_namespaceObject.lstat)(file).then(() => true, () => false);
async function readOwner(root) {
    try {
        const owner = JSON.parse(await (0,external_node_fs_promises_namespaceObject.readFile)(external_node_path_namespaceObject.join(root, 'owner.json'), 'utf8'));
        return typeof owner.pid === 'number' && typeof owner.host === 'string'
            ? { pid: owner.pid, host: owner.host, started: String(owner.started) }
            : null;
    }
    catch {
        return null;
    }
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}

;// CONCATENATED MODULE: ./lib/restore/extract.js












/** Checks every entry without writing anything (restic's check --read-data), after the same plan as a restore. */
async function checkAll(archive, password, signal, shared) {
    const plan = planArchive(archive.entries, defaultRules(null, false));
    requirePassword(archive.entries, password);
    const pace = new Pace(signal);
    for (const entry of archive.entries) {
        if (pace.due())
            await pace.breathe();
        if (entry.kind === 'directory')
            continue;
        // On the archive worker, the parent thread checks the small entries it has room for.
        if (shared && readsWhole(entry) && shared.take(entry))
            continue;
        if (!archive.contentSync(entry))
            await drainChecked(archive.content(entry, password));
    }
    await shared?.drain();
    return { plan };
}
/** The folder a restore writes into: checked before anything is downloaded. */
async function checkTarget(to, overwrite) {
    let stats;
    try {
        stats = await lstat(to);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw restoreFailure(error, to, 'Nothing was written.') ?? error;
    }
    if (stats.isSymbolicLink())
        stats = await lstat(await realpath(to));
    if (!stats.isDirectory())
        throw new BackupError(`'${escapeControl(to)}' is a file, not a folder: give another --to.`);
    const names = (await readdir(to)).filter((n) => !n.startsWith(STAGING_PREFIX));
    if (names.length > 0 && overwrite === null) {
        throw new UsageError(`'${escapeControl(to)}' is not empty: restore into an empty or new folder, or choose what happens to files ` +
            `that are there with --overwrite always|if-changed|if-newer|never (files the backup lacks are kept).`);
    }
}
async function restoreInto(archive, to, options) {
    requirePassword(archive.entries, options.password);
    const filter = options.include.length > 0 || options.exclude.length > 0 ? new PathFilter(options.include, options.exclude) : null;
    const existing = await (0,external_node_fs_promises_namespaceObject.lstat)(to).then(() => true, () => false);
    if (options.dryRun) {
        const target = existing ? await (0,external_node_fs_promises_namespaceObject.realpath)(to) : external_node_path_namespaceObject.resolve(to);
        const plan = planArchive(archive.entries, defaultRules(filter, options.keepSpecialBits));
        return report(plan, await planAgainstTarget(plan, target, targetOptions(options, filter)), true);
    }
    const made = existing ? null : await makeTarget(to);
    const target = await (0,external_node_fs_promises_namespaceObject.realpath)(to);
    let staging = null;
    try {
        if (!made)
            await Staging.recoverLeftovers(target, options.log);
        staging = await Staging.create(target);
        const folding = await probeFolding(staging.root);
        const rules = { ...defaultRules(filter, options.keepSpecialBits), ...folding };
        const plan = planArchive(archive.entries, rules);
        const changes = await planAgainstTarget(plan, target, targetOptions(options, filter));
        await checkRoom(target, changes, plan);
        await writeStaged(archive, plan, changes.actions, staging, options);
        await options.verified?.();
        await placeAll(plan, changes, staging, options.signal);
        staging.commit();
        await setFolderTimes(plan, changes.actions, staging, options.log);
        return report(plan, changes, false);
    }
    catch (error) {
        const undone = await undoAll(staging, made, target, options.log);
        throw fs_failure_restoreFailure(error, target, undone) ?? error;
    }
    finally {
        await staging?.remove();
    }
}
function targetOptions(options, filter) {
    return {
        overwrite: options.overwrite,
        delete: options.delete,
        restored: (relative) => filter?.selects(relative) ?? true,
    };
}
/** The rules of this machine's OS; case folding as macOS and Windows do by default, until probed. */
function defaultRules(filter, keepSpecialBits) {
    const folds = process.platform === 'darwin' || process.platform === 'win32';
    return {
        platform: process.platform,
        foldCase: folds,
        foldUnicode: process.platform === 'darwin',
        filter,
        keepSpecialBits,
    };
}
function requirePassword(entries, password) {
    if (password)
        return;
    const encrypted = entries.find((e) => e.aesKeyBytes !== null);
    if (encrypted)
        throw encryptedWithoutPassword(encrypted);
}
/** A new target folder (and the folders above it), with the default mode; returns the topmost one made. */
async function makeTarget(to) {
    try {
        return (await (0,external_node_fs_promises_namespaceObject.mkdir)(to, { recursive: true })) ?? external_node_path_namespaceObject.resolve(to);
    }
    catch (error) {
        throw fs_failure_restoreFailure(error, external_node_path_namespaceObject.resolve(to), 'Nothing was written.') ?? error;
    }
}
async function checkRoom(target, changes, plan) {
    const stats = await (0,external_node_fs_promises_namespaceObject.statfs)(target);
    const free = stats.bavail * stats.bsize;
    // A block per file and folder on top of the data: what small files really take.
    const needed = changes.bytesToWrite + (plan.files + plan.directories + plan.links) * stats.bsize;
    if (needed > free) {
        throw new errors_BackupError(`The restore needs about ${formatBytes(needed)} in '${format_escapeControl(target)}', whose file system has ` +
            `${formatBytes(free)} free: free space there, or restore elsewhere. Nothing was written.`);
    }
}
/** Every entry to create or replace, into the staging folder: files first, then links. */
async function writeStaged(archive, plan, actions, staging, options) {
    // The plan's nodes are walked twice rather than copied (a MB per copy at 100,000 nodes).
    const made = new Set();
    const folder = async (relative) => {
        await (0,external_node_fs_promises_namespaceObject.mkdir)(staging.staged(relative), { recursive: true, mode: 0o700 });
        made.add(relative);
    };
    const parentOf = (relative) => relative.slice(0, Math.max(0, relative.lastIndexOf('/')));
    const pace = new Pace(options.signal);
    const writer = options.fileWriter;
    try {
        // Awaited only where there is something to wait for: an await per file is 100,000 promises.
        for (const node of plan.nodes) {
            if (pace.due())
                await pace.breathe();
            if (!actions.writes(node))
                continue;
            if (node.kind === 'directory') {
                if (!made.has(node.path))
                    await folder(node.path);
            }
            else if (node.kind === 'file') {
                const parent = parentOf(node.path);
                if (!made.has(parent))
                    await folder(parent);
                const where = staging.staged(node.path);
                const whole = archive.contentSync(node.entry);
                const mode = node.mode ?? 0o644;
                if (!whole)
                    await writeStreamed(archive, node, where, options);
                else if (!writer)
                    writeWholeFile(whole, where, mode, node.mtime);
                else {
                    writer.add(whole, where, mode, node.mtime);
                    if (writer.full)
                        await writer.room();
                }
            }
        }
        // Every file is written before any link is made (a link never points the way for a file).
        await writer?.drain();
    }
    catch (error) {
        // Nothing may still be writing into the staging while it is undone.
        await writer?.settle();
        throw error;
    }
    const folders = new Set(plan.nodes.filter((n) => n.kind === 'directory').map((n) => plan.keyOf(n.path)));
    for (const node of plan.nodes) {
        options.signal?.throwIfAborted();
        if (node.kind !== 'symlink' || !actions.writes(node))
            continue;
        await folder(parentOf(node.path));
        const target = await readLinkTarget(archive, node, options.password);
        const staged = staging.staged(node.path);
        await (0,external_node_fs_promises_namespaceObject.symlink)(target, staged, pointsAtFolder(node.path, target, folders, plan) ? 'dir' : 'file');
        if (node.mtime !== null)
            await (0,external_node_fs_promises_namespaceObject.lutimes)(staged, node.mtime, node.mtime);
    }
}
// Files are created exclusively, never through a link; mode and time set on the open file, after its data.
async function writeStreamed(archive, node, where, options) {
    const handle = await (0,external_node_fs_promises_namespaceObject.open)(where, CREATE_NEW, 0o600);
    try {
        const content = archive.content(node.entry, options.password);
        try {
            for await (const chunk of content) {
                options.signal?.throwIfAborted();
                await handle.write(chunk);
            }
        }
        finally {
            content.destroy();
        }
        await handle.chmod(node.mode ?? 0o644);
        if (node.mtime !== null)
            await handle.utimes(node.mtime, node.mtime);
    }
    finally {
        await handle.close();
    }
}
/** Gives the event loop a turn every few milliseconds of synchronous work, so that a signal is heard. */
class Pace {
    signal;
    last = performance.now();
    constructor(signal) {
        this.signal = signal;
    }
    /** Whether it is time for a turn; throws if the signal fired. */
    due() {
        this.signal?.throwIfAborted();
        return performance.now() - this.last > 20;
    }
    async breathe() {
        await new Promise((resolve) => setImmediate(resolve));
        this.last = performance.now();
        this.signal?.throwIfAborted();
    }
}
const MAX_LINK_TARGET = 4096;
async function readLinkTarget(archive, node, password) {
    const chunks = [];
    let length = 0;
    const whole = archive.contentSync(node.entry);
    for await (const chunk of whole ? [Buffer.from(whole)] : archive.content(node.entry, password)) {
        chunks.push(chunk);
        length += chunk.length;
        if (length > MAX_LINK_TARGET)
            throw new errors_BackupError(`The backup's link '${node.display}' has a target longer than ${MAX_LINK_TARGET} bytes.`);
    }
    const target = Buffer.concat(chunks).toString('utf8');
    if (target === '' || target.includes('\0'))
        throw new errors_BackupError(`The backup's link '${node.display}' has an empty target or a NUL byte in it.`);
    return target;
}
/** Windows makes folder links and file links apart: a link to a folder of the backup is a folder link. */
function pointsAtFolder(link, target, folders, plan) {
    if (external_node_path_namespaceObject.posix.isAbsolute(target))
        return false;
    const resolved = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(textOf(link)), target));
    return folders.has(plan.keyOf(Buffer.from(resolved).toString('latin1')));
}
/**
 * Into the target: each replaced original moved aside, then each topmost staged entry put in place
 * (one rename for a whole new folder), links last; with --delete, what the backup lacks moved aside.
 */
async function placeAll(plan, changes, staging, signal) {
    const { actions } = changes;
    const topmost = plan.nodes.filter((node) => {
        if (!actions.writes(node))
            return false;
        const slash = node.path.lastIndexOf('/');
        return slash < 0 || actions.get(plan.byKey.get(plan.keyOf(node.path.slice(0, slash)))) === 'merge';
    });
    const ordered = [...topmost.filter((n) => n.kind !== 'symlink'), ...topmost.filter((n) => n.kind === 'symlink')];
    for (const node of ordered) {
        signal?.throwIfAborted();
        if (actions.get(node) === 'replace')
            await staging.moveAside(node.path);
        await staging.place(node.path);
    }
    for (const deletion of changes.deletions) {
        signal?.throwIfAborted();
        await staging.moveAside(deletion.path);
    }
}
/** Folders the restore made get their modes and times last, deepest first (a read-only one held its content). */
async function setFolderTimes(plan, actions, staging, log) {
    const folders = byDepth(plan.nodes.filter((n) => n.kind === 'directory' && actions.writes(n))).reverse();
    for (const node of folders) {
        const where = joinRelative(staging.target, node.path);
        try {
            if (node.mode !== null)
                await (0,external_node_fs_promises_namespaceObject.chmod)(where, node.mode);
            if (node.mtime !== null)
                await (0,external_node_fs_promises_namespaceObject.utimes)(where, node.mtime, node.mtime);
        }
        catch (error) {
            // The content is in place: a folder whose mode cannot be set is said, not undone (as tar does).
            log.warning(`Could not set the mode or time of '${node.display}': ${error.message}`);
        }
    }
}
/** Undoes what the journal holds; returns what to tell the user about the target. */
async function undoAll(staging, made, target, log) {
    try {
        await staging?.rollback();
    }
    catch (error) {
        log.error(`Undoing the restore failed: ${error.message}`);
        return (`Undoing it failed too: the originals it had moved are in '${format_escapeControl(staging?.root ?? target)}/aside'; ` +
            `they were left there.`);
    }
    if (made) {
        await staging?.remove();
        await removeEmptyUpTo(target, made);
        return 'Nothing was written.';
    }
    return 'The target was left as it was.';
}
/** Removes the folders a failed restore made, from the target up to the topmost one it made. */
async function removeEmptyUpTo(target, topmost) {
    let folder = target;
    for (;;) {
        await removeIfEmpty(folder);
        if (folder === topmost || external_node_path_namespaceObject.dirname(folder) === folder || !folder.startsWith(topmost))
            return;
        folder = external_node_path_namespaceObject.dirname(folder);
    }
}
function report(plan, changes, dryRun) {
    const out = {
        files: 0,
        directories: 0,
        links: 0,
        bytes: 0,
        created: 0,
        replaced: 0,
        unchanged: 0,
        kept: 0,
        deleted: changes.deletions.length,
        changes: [],
    };
    for (const node of plan.nodes) {
        const action = changes.actions.get(node);
        if (action === 'create')
            out.created++;
        else if (action === 'replace')
            out.replaced++;
        else if (action === 'unchanged')
            out.unchanged++;
        else if (action === 'kept' || action === 'skipped')
            out.kept++;
        if (writes(action)) {
            if (node.kind === 'file') {
                out.files++;
                out.bytes += node.size;
            }
            else if (node.kind === 'directory')
                out.directories++;
            else
                out.links++;
        }
        if (dryRun && action !== 'merge') {
            const shown = action === 'skipped' || action === 'kept' ? 'keep' : action;
            out.changes.push({ path: node.display, action: shown });
        }
    }
    if (dryRun)
        for (const d of changes.deletions)
            out.changes.push({ path: d.display, action: 'delete' });
    return out;
}

;// CONCATENATED MODULE: ./lib/restore/shared-checks.js
// A check on the archive worker hands part of the small entries to its parent thread, which is idle
// while the worker works: inflating them one at a time (fflate) was most of a check's time, on one
// of the two cores. The worker sends where each entry's data is (no bytes: the parent reads the zip
// through its own descriptor) in batches; the parent checks them as contentSync does and answers.
// An entry goes to the parent while it has room for another batch, and is checked on the worker
// otherwise, so the two threads share the work whatever their speeds.


const shared_checks_FIELDS = 5;
/** The parent's side: the batch's entries in order, stopping at the first that is not sound. */
function shared_checks_checkBatch(checker, batch) {
    const { fields, id } = batch;
    for (let at = 0; at < fields.length; at += shared_checks_FIELDS) {
        const entry = { size: fields[at + 2], crc32: fields[at + 3], method: fields[at + 4] };
        let problem;
        try {
            problem = checker.check(fields[at], fields[at + 1], entry);
        }
        catch (error) {
            // A read that fails (a file cut short) is a damaged entry, named by the worker.
            problem = { kind: 'damaged', detail: error.message };
        }
        if (problem)
            return { kind: 'checked', id, failure: { at: at / shared_checks_FIELDS, problem } };
    }
    return { kind: 'checked', id };
}
/** A batch closes at this many entries or stored bytes (some 5 ms of the parent's work). */
const BATCH_ENTRIES = 256;
const BATCH_STORED_BYTES = 512 * 1024;
/**
 * Batches sent and not yet answered, at most: more work than the worker does between two turns of
 * its event loop (20 ms, when it reads the answers), so that the parent does not wait for it. With 3
 * batches of 128, the parent checked a third of 100,000 entries; with 6 of 256, half.
 */
const shared_checks_MAX_IN_FLIGHT = 6;
/** The worker's side: small entries gathered into batches for the parent while it has room. */
class BatchedChecks {
    send;
    entries = [];
    stored = 0;
    /** Each unanswered batch's entries, to name the one that failed. */
    sent = new Map();
    unanswered = new Unanswered(shared_checks_MAX_IN_FLIGHT);
    failure = null;
    constructor(send) {
        this.send = send;
    }
    /**
     * Takes a small unencrypted entry (readsWhole) for the parent to check; false when the parent has
     * no room, and the caller checks it. Throws a failure the parent found.
     */
    take(entry) {
        this.throwIfFailed();
        if (this.batchFull()) {
            if (this.unanswered.full)
                return false;
            this.flush();
        }
        this.entries.push(entry);
        this.stored += entry.compressedSize;
        if (this.batchFull() && !this.unanswered.full)
            this.flush();
        return true;
    }
    /** Every entry taken is checked (or the first failure thrown). */
    async drain() {
        for (;;) {
            this.throwIfFailed();
            if (this.entries.length === 0)
                break;
            await this.unanswered.room();
            this.flush();
        }
        await this.unanswered.settle();
        this.throwIfFailed();
    }
    /** The parent's answer to a batch. */
    acknowledge(ack) {
        const entries = this.sent.get(ack.id);
        if (ack.failure && entries && !this.failure) {
            this.failure = problemError(entries[ack.failure.at].displayName, ack.failure.problem);
        }
        this.sent.delete(ack.id);
        this.unanswered.answered(ack.id);
    }
    batchFull() {
        return this.entries.length >= BATCH_ENTRIES || this.stored >= BATCH_STORED_BYTES;
    }
    flush() {
        if (this.entries.length === 0)
            return;
        const id = this.unanswered.sent();
        this.sent.set(id, this.entries);
        this.send({ kind: 'check', id, fields: fieldsOf(this.entries) });
        this.entries = [];
        this.stored = 0;
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure;
    }
}
/** The batch's entries as the parent reads them, FIELDS numbers each. */
function fieldsOf(entries) {
    const fields = new Float64Array(entries.length * shared_checks_FIELDS);
    entries.forEach((entry, i) => {
        fields.set([entry.dataStart, entry.compressedSize, entry.size, entry.crc32, entry.method], i * shared_checks_FIELDS);
    });
    return fields;
}

;// CONCATENATED MODULE: ./lib/restore/archive-job.js
// The archive's work (open, plan, then check or write), on a worker thread with a small young
// generation when the zip has many entries. 100,000 entries and their plan are long-lived objects,
// and V8 sizes a thread's young generation by what survives it: in the main thread it grew to tens
// of MB for them (the extraction of 100,000 small files peaked at ~207 MB in a probe; ~140 MB on
// the worker, in the same time). A zip of a few thousand entries stays in this thread: there a second
// heap costs more than it saves. The worker is started as the backup's are (platform/worker-script.ts).








/**
 * A young generation this small keeps the peak down on 100,000 small entries, at no measured cost in
 * time; at 8 MB, entries of a few hundred KB took ten times as long (12 MB: 1.3 times).
 */
const YOUNG_GENERATION_MB = 12;
/** A central directory this long (some 15,000 entries) or longer sends the work to the worker. */
const WORKER_DIRECTORY_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Checks every entry of the zip at `file`, writing nothing. */
async function checkArchive(file, password, log, signal, place = 'by-size') {
    const outcome = await runJob({ kind: 'check', file, password }, { log, signal }, place);
    if (outcome.kind !== 'check')
        throw new Error('internal: the archive worker answered another job');
    return outcome;
}
/** Restores the zip at `file` into `to`, planned whole and undone on any failure. */
async function restoreArchive(file, to, options, place = 'by-size') {
    const { log, signal, verified, ...rest } = options;
    const outcome = await runJob({ kind: 'restore', file, to, options: rest }, { log, signal, verified }, place);
    if (outcome.kind !== 'restore')
        throw new Error('internal: the archive worker answered another job');
    return outcome;
}
/** The job, here: the worker runs the same. */
async function runArchiveJob(job, hooks) {
    const { log, signal, verified, fileWriter, checks } = hooks;
    const archive = await OpenArchive.open(job.file);
    try {
        const aes = archive.entries.some((e) => e.aesKeyBytes !== null);
        if (job.kind === 'check') {
            const { plan } = await checkAll(archive, job.password, signal, checks);
            return { kind: 'check', aes, count: plan.files + plan.links };
        }
        const report = await restoreInto(archive, job.to, { ...job.options, log, signal, verified, fileWriter });
        return { kind: 'restore', aes, report };
    }
    finally {
        archive.close();
    }
}
async function runJob(job, hooks, place) {
    hooks.signal?.throwIfAborted();
    if (place === 'by-size' && centralDirectoryBytes(job.file) < WORKER_DIRECTORY_BYTES)
        return runArchiveJob(job, hooks);
    return runOnWorker(job, hooks);
}
async function runOnWorker(job, hooks) {
    const { log, signal, verified } = hooks;
    const { script, options } = workerScript('archive-worker.js', import.meta.url);
    const worker = new Worker(script, {
        ...options,
        workerData: job,
        // It needs nothing from the environment (which holds the key as INPUT_API-KEY); the password
        // travels in workerData, in memory.
        env: {},
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const post = (message, transfer = []) => worker.postMessage(message, transfer);
    // A cancel is passed on: the worker stops between entries and undoes what it wrote, then answers.
    const cancel = () => post({ kind: 'cancel' });
    // A download found corrupted while the worker staged it: the worker undoes, and this is the failure.
    let unverified = null;
    // Opened at the first batch of entries to check.
    let checker = null;
    signal?.addEventListener('abort', cancel, { once: true });
    try {
        return await new Promise((resolve, reject) => {
            worker.on('message', (message) => {
                // The worker inflates and checks while this thread, idle otherwise, writes the small files.
                if (message.kind === 'write') {
                    const ack = writeBatch(message);
                    post(ack, [ack.bytes]);
                }
                else if (message.kind === 'check') {
                    checker ??= new WholeEntryChecker(job.file);
                    post(checkBatch(checker, message));
                }
                else if (message.kind === 'verify') {
                    const check = verified?.() ?? Promise.resolve();
                    check.then(() => post({ kind: 'verified' }), (error) => {
                        unverified = asError(error);
                        cancel();
                    });
                }
                else if (message.kind === 'log')
                    log[message.level](message.text);
                else if (message.kind === 'done')
                    resolve(message.outcome);
                else if (unverified !== null)
                    reject(unverified);
                else
                    reject(signal?.aborted ? signal.reason : rebuildFailure(message.failure));
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`internal: the archive worker stopped (exit code ${code})`)));
        });
    }
    finally {
        signal?.removeEventListener('abort', cancel);
        await worker.terminate();
        checker?.close();
    }
}

;// CONCATENATED MODULE: ./lib/restore/archive-worker.js
// The archive's work on a worker thread (archive-job.ts starts it): the zip opened, planned, and
// checked or written. Its log lines go to the parent as messages, its failure as a plain record, and
// a 'cancel' message aborts it the way a signal aborts a restore in the main thread (the target is
// left as it was).





const port = external_node_worker_threads_namespaceObject.parentPort;
const cancel = new AbortController();
const send = (message, transfer = []) => port.postMessage(message, transfer);
// The small files go to the parent in batches; it answers each, or sends 'cancel'.
const fileWriter = new BatchedFileWriter(send);
// A check hands the parent small entries to check, in batches it answers.
const checks = new BatchedChecks(send);
// The staged restore asks the parent whether the download is sound; it answers 'verified' or 'cancel'.
let onVerified = null;
const verified = () => new Promise((resolve, reject) => {
    cancel.signal.throwIfAborted();
    cancel.signal.addEventListener('abort', () => reject(cancel.signal.reason), { once: true });
    onVerified = resolve;
    send({ kind: 'verify' });
});
port.on('message', (message) => {
    if (message.kind === 'cancel')
        cancel.abort();
    else if (message.kind === 'verified')
        onVerified?.();
    else if (message.kind === 'checked')
        checks.acknowledge(message);
    else
        fileWriter.acknowledge(message);
});
const log = {
    info: (text) => send({ kind: 'log', level: 'info', text }),
    warning: (text) => send({ kind: 'log', level: 'warning', text }),
    error: (text) => send({ kind: 'log', level: 'error', text }),
    debug: (text) => send({ kind: 'log', level: 'debug', text }),
    group: (_name, body) => body(),
};
// No top-level await: the standalone executable runs this as CommonJS.
runArchiveJob(external_node_worker_threads_namespaceObject.workerData, { log, signal: cancel.signal, verified, fileWriter, checks }).then((outcome) => send({ kind: 'done', outcome }), (error) => send({ kind: 'failed', failure: serializeFailure(error) }));

