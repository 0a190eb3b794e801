package events

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ndjson reads an NDJSON input one line at a time, one event per line, so that large inputs
// stream.
func (d *decoder) ndjson() error {
	br := bufio.NewReaderSize(d.in.Reader, 64<<10)
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(d.ctx, br, d.lim.MaxEventBytes)
		if ctxErr := d.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return d.reject(Position{File: d.in.Name, Line: lineNo}, "reading: "+err.Error())
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		pos := Position{File: d.in.Name, Line: lineNo, Column: 1}
		switch {
		case tooLong:
			if e := d.reject(pos, fmt.Sprintf("line longer than %d bytes (limits.max_event_bytes): refused", d.lim.MaxEventBytes)); e != nil {
				return e
			}
		case len(bytes.TrimSpace(line)) > 0:
			if full, e := d.full(pos); full || e != nil {
				return e
			}
			if e := d.ndjsonLine(pos, line); e != nil {
				return e
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

func (d *decoder) ndjsonLine(pos Position, line []byte) error {
	if bad := invalidUTF8(line); bad >= 0 {
		return d.reject(Position{File: pos.File, Line: pos.Line, Column: bad + 1}, "not valid UTF-8 text")
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		off := dec.InputOffset()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		msg := "invalid JSON: " + err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "invalid JSON: the line ends in the middle of a value"
		}
		return d.reject(Position{File: pos.File, Line: pos.Line, Column: int(off) + 1}, msg)
	}
	if err := trailing(dec); err != nil {
		return d.reject(Position{File: pos.File, Line: pos.Line, Column: int(dec.InputOffset()) + 1}, "invalid JSON: "+err.Error()+" (one event per line)")
	}
	// encoding/json keeps the last copy of a repeated key: check the line for one (jsontext).
	if off, msg := duplicateKey(line); msg != "" {
		return d.reject(Position{File: pos.File, Line: pos.Line, Column: off + 1}, msg)
	}
	return d.jsonEvent(pos, v, func(path []string, key bool) (int, int) {
		return pos.Line, locateJSON(line, path, key) + 1
	})
}

// readLine reads one line without its end, reporting lines longer than max (and skipping them).
// It stops when ctx is done: a line that never ends (standard input fed from /dev/zero) is
// read chunk by chunk, each chunk a chance to stop.
func readLine(ctx context.Context, br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max+2 {
			tooLong = true
		} else {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			buf = nil
		}
		return bytes.TrimRight(buf, "\r\n"), tooLong, err
	}
}
