package events

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sanctions-dev/sanctions/internal/diag"
)

// Limits bound what one input may make the tool do. Every limit that is hit is reported as a
// problem naming the limit and the place.
type Limits struct {
	MaxFileBytes  int64 // a YAML or JSON input is read whole: at most this many bytes
	MaxEventBytes int   // one NDJSON line
	MaxDepth      int   // nesting of maps and lists within an event
	MaxValues     int   // values within one event, YAML aliases expanded
	MaxEvents     int   // events per input (0: no limit)
	MaxString     int   // bytes in one string value
}

// Input is one source of events.
type Input struct {
	Name   string // shown in positions: a path, or "-" for standard input
	Reader io.Reader
	Format Format
	// Sections are the top-level keys that hold lists of events: ["events"] when empty.
	// Rule examples use ["fire", "quiet"].
	Sections []string
}

func (in Input) sections() []string {
	if len(in.Sections) == 0 {
		return []string{"events"}
	}
	return in.Sections
}

func (in Input) isSection(key string) bool { return slices.Contains(in.sections(), key) }

func (in Input) wantKeys() string {
	return strings.Join(append(append([]string{}, in.sections()...), "expect"), ", ")
}

// Record is one thing read from an input, in input order: an event, or the problem that kept an
// event (or a whole unreadable input) from being read, which counts as one rejected event.
type Record struct {
	Event   *Event
	Problem *diag.Problem
	Section string // the top-level key the event was listed under, if any
}

// File is what an input holds besides its events.
type File struct {
	Name     string
	Expect   map[string]Expectation // a fixture's expect block, by event id
	Events   int                    // records emitted (events and rejected events)
	Problems diag.List              // problems that are not about one event (a bad expect block)
}

// Decode reads the events of one input and passes each record to emit, in order. It stops early
// only when ctx is done or emit returns an error, which it returns.
func Decode(ctx context.Context, in Input, lim Limits, emit func(Record) error) (*File, error) {
	in, emit = sniffed(in, emit) // Auto: the format from the first bytes
	d := &decoder{ctx: ctx, in: in, lim: lim, emit: emit, file: &File{Name: in.Name}}
	var err error
	switch in.Format {
	case NDJSON:
		err = d.ndjson()
	case JSON:
		err = d.json()
	case YAML:
		err = d.yaml()
	default:
		err = d.reject(Position{File: in.Name}, fmt.Sprintf("unknown input format %q", in.Format))
	}
	if err != nil {
		return d.file, err
	}
	if d.file.Events == 0 && len(d.file.Problems) == 0 {
		d.file.Problems = append(d.file.Problems, &diag.Problem{File: in.Name, Message: "no events in this input"})
	}
	return d.file, nil
}

type decoder struct {
	ctx     context.Context
	in      Input
	lim     Limits
	emit    func(Record) error
	file    *File
	section string // the section being read
}

func (d *decoder) send(r Record) error {
	if err := d.ctx.Err(); err != nil {
		return err
	}
	d.file.Events++
	r.Section = d.section
	return d.emit(r)
}

func (d *decoder) reject(pos Position, msg string) error {
	return d.send(Record{Problem: &diag.Problem{File: pos.File, Line: pos.Line, Column: pos.Column, Message: msg}})
}

// full reports whether the input already gave as many events as allowed, rejecting once more.
func (d *decoder) full(pos Position) (bool, error) {
	if d.lim.MaxEvents > 0 && d.file.Events >= d.lim.MaxEvents {
		return true, d.reject(pos, fmt.Sprintf("more than %d events in one input (limits.max_events): the rest is not read", d.lim.MaxEvents))
	}
	return false, nil
}

// inMemory is an input already in memory, such as a *bytes.Buffer: Bytes is all of it that is
// unread, which the decoder reads without copying and never changes.
type inMemory interface {
	Bytes() []byte
	Len() int
}

func (d *decoder) readAll() ([]byte, error) {
	if b, ok := d.in.Reader.(inMemory); ok && int64(b.Len()) <= d.lim.MaxFileBytes {
		// Already in memory (the server's request bodies, read under its memory budget): used
		// as it is, not copied.
		return bytes.TrimPrefix(b.Bytes(), utf8BOM), nil
	}
	data, err := io.ReadAll(io.LimitReader(d.in.Reader, d.lim.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > d.lim.MaxFileBytes {
		return nil, fmt.Errorf("larger than %d bytes (limits.max_file_bytes); use NDJSON to stream large inputs", d.lim.MaxFileBytes)
	}
	return bytes.TrimPrefix(data, utf8BOM), nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readText reads a YAML or JSON input whole. When the input is too large or not UTF-8 text, it
// rejects it and ok is false; err is then what the rejection returned.
func (d *decoder) readText() (data []byte, ok bool, err error) {
	data, err = d.readAll()
	if err != nil {
		return nil, false, d.reject(Position{File: d.in.Name}, err.Error())
	}
	if bad := invalidUTF8(data); bad >= 0 {
		l, c := lineCol(data, bad)
		return nil, false, d.reject(Position{File: d.in.Name, Line: l, Column: c}, "not valid UTF-8 text (the input is not read)")
	}
	return data, true, nil
}

// newEvent makes an event of a decoded value, or says why it cannot be one.
func (d *decoder) newEvent(pos Position, v any, locate func([]string, bool) (int, int)) error {
	doc, ok := v.(map[string]any)
	if !ok {
		return d.reject(pos, fmt.Sprintf("an event must be an object, not %s", kindOf(v)))
	}
	ev := &Event{Pos: pos, Doc: doc, locate: locate}
	ev.ID, _ = doc["id"].(string)
	return d.send(Record{Event: ev})
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
