package gopdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"sync"
)

// buffer pool to reduce GC
var buffers = sync.Pool{
	// New is called when a new instance is needed
	New: func() interface{} {
		return new(bytes.Buffer)
	},
}

// GetBuffer fetches a buffer from the pool
func GetBuffer() *bytes.Buffer {
	return buffers.Get().(*bytes.Buffer)
}

// PutBuffer returns a buffer to the pool
func PutBuffer(buf *bytes.Buffer) {
	buf.Reset()
	buffers.Put(buf)
}

// jixiao: zlib writers are pooled too, one pool per level (-2..9):
// a new writer allocates about 1 MB of tables, several per document.
var zlibWriters [zlib.BestCompression + 3]sync.Pool

// getZlibWriter returns a pooled zlib writer of level level (checked by
// zlib.NewWriterLevel) writing to w. Close it, then give it back with
// putZlibWriter.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return zlib.NewWriterLevel(w, level)
	}
	if zw, ok := zlibWriters[level+2].Get().(*zlib.Writer); ok {
		zw.Reset(w)
		return zw, nil
	}
	return zlib.NewWriterLevel(w, level)
}

func putZlibWriter(zw *zlib.Writer, level int) {
	if level >= zlib.HuffmanOnly && level <= zlib.BestCompression {
		zlibWriters[level+2].Put(zw)
	}
}
