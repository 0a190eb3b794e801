package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/safetext"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// jsonInput is a JSON input being read: its text, where its lines start (so that every position
// is found in one pass, whatever the number of events), and the decoder that frames its values.
// The framing decoder (jsontext, the reference implementation of Go's JSON v2) reads the text
// once, value by value; each event's own bytes are then checked for duplicate keys and decoded
// alone, so an error in one event is placed within it and costs nothing for the others.
type jsonInput struct {
	d     *decoder
	data  []byte
	lines []int // the offset of each line's first byte
	dec   *jsontext.Decoder
	done  bool // a syntax error ended the reading
}

// json reads a JSON input whole: an event object, an array of events, or an object of sections
// ({"events": [...]}) and an expect block. Nothing in the text is skipped unread: a second
// top-level value, a repeated key, anything after an array's end is a problem, never ignored.
func (d *decoder) json() error {
	data, ok, err := d.readText()
	if !ok {
		return err
	}
	in := &jsonInput{d: d, data: data, lines: lineStarts(data)}
	start := skipJSONSpace(data, 0)
	if start == len(data) {
		return nil
	}
	// A bytes.Buffer, not a Reader: jsontext then parses data where it is, without a copy.
	// The framing decoder lets duplicate names through: each event's duplicates are found when
	// the event is checked alone (jsonValue), the wrapper's by jsonWrapper, so that a duplicate
	// rejects one event, not the rest of the input.
	in.dec = jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	switch data[start] {
	case '[':
		if _, err := in.dec.ReadToken(); err != nil {
			return in.syntax(err)
		}
		if err := in.elements(); err != nil {
			return err
		}
	case '{':
		if in.isWrapper() {
			if err := in.wrapper(); err != nil {
				return err
			}
		} else {
			start, raw, err := in.read()
			if err != nil {
				return in.syntax(err)
			}
			if err := in.event(start, raw); err != nil {
				return err
			}
		}
	default:
		return d.reject(in.pos(start), "a JSON input must hold an event object, an array of events, or {\"events\": [...]}")
	}
	return in.end()
}

// end checks that nothing follows the top-level value: a second document ({}{}) is rejected
// and counted, so that whatever it holds is never silently dropped.
func (in *jsonInput) end() error {
	if in.done {
		return nil
	}
	if in.dec.PeekKind() == 0 {
		if _, err := in.dec.ReadToken(); err != nil && !errors.Is(err, io.EOF) {
			return in.syntax(err)
		}
		return nil
	}
	at := skipJSONSpace(in.data, int(in.dec.InputOffset()))
	return in.d.reject(in.pos(at), "invalid JSON: a second top-level value: it and the rest of the input are not read (a JSON input holds one value; NDJSON holds one event per line)")
}

// isWrapper says whether the top-level object has a section key (events, ...): it reads the
// object's keys with a decoder of its own, skipping their values.
func (in *jsonInput) isWrapper() bool {
	dec := jsontext.NewDecoder(bytes.NewBuffer(in.data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	for dec.PeekKind() == '"' {
		tok, err := dec.ReadToken()
		if err != nil {
			return false
		}
		if in.d.in.isSection(tok.String()) {
			return true
		}
		if dec.SkipValue() != nil {
			return false
		}
	}
	return false
}

// wrapper reads {"events": [...], "expect": {...}}, every key of it.
func (in *jsonInput) wrapper() error {
	d := in.d
	if _, err := in.dec.ReadToken(); err != nil { // {
		return in.syntax(err)
	}
	seen := map[string]bool{}
	for in.dec.PeekKind() == '"' {
		keyAt := skipJSONSpace(in.data, int(in.dec.InputOffset()))
		tok, err := in.dec.ReadToken()
		if err != nil {
			return in.syntax(err)
		}
		key := tok.String()
		if seen[key] {
			// Both copies are read, so no event is hidden; the input is in error all the same,
			// since other readers keep only one of them.
			d.file.Problems = append(d.file.Problems, in.problem(keyAt, fmt.Sprintf(
				"duplicate top-level key %q: a JSON object must not repeat a key (other JSON readers keep only the last); the events under each are read", key)))
		}
		seen[key] = true
		switch {
		case d.in.isSection(key):
			if in.dec.PeekKind() == 0 { // no value: the input ends, or is not JSON, here
				_, err := in.dec.ReadToken()
				return in.syntax(err)
			}
			if in.dec.PeekKind() != '[' {
				if err := d.reject(in.pos(skipJSONSpace(in.data, int(in.dec.InputOffset()))), key+": want an array of events"); err != nil {
					return err
				}
				if err := in.dec.SkipValue(); err != nil {
					return in.syntax(err)
				}
				continue
			}
			d.section = key
			if _, err := in.dec.ReadToken(); err != nil { // [
				return in.syntax(err)
			}
			if err := in.elements(); err != nil || in.done {
				return err
			}
			d.section = ""
		case key == "expect":
			base, raw, err := in.read()
			if err != nil {
				return in.syntax(err)
			}
			v, p := in.value(base, raw)
			if p != nil {
				d.file.Problems = append(d.file.Problems, p)
				continue
			}
			d.expect(v, func(path []string) Position {
				return in.pos(base + locateJSON(raw, path, true))
			})
		default:
			d.file.Problems = append(d.file.Problems, in.problem(keyAt,
				fmt.Sprintf("unknown top-level key %q (want %s)", key, d.in.wantKeys())))
			if err := in.dec.SkipValue(); err != nil {
				return in.syntax(err)
			}
		}
	}
	if _, err := in.dec.ReadToken(); err != nil { // }
		return in.syntax(err)
	}
	return nil
}

// elements reads the events of an array whose '[' has been read, and its ']'.
func (in *jsonInput) elements() error {
	for {
		switch in.dec.PeekKind() {
		case ']':
			if _, err := in.dec.ReadToken(); err != nil {
				return in.syntax(err)
			}
			return nil
		case 0: // invalid or the end of the input: ReadToken says which
			_, err := in.dec.ReadToken()
			return in.syntax(err)
		}
		off := skipJSONSpace(in.data, int(in.dec.InputOffset()))
		if full, err := in.d.full(in.pos(off)); full || err != nil {
			return err
		}
		start, raw, err := in.read()
		if err != nil {
			return in.syntax(err)
		}
		if err := in.event(start, raw); err != nil {
			return err
		}
	}
}

// event makes an event of one value's text, starting at offset base of the input.
func (in *jsonInput) event(base int, raw []byte) error {
	v, p := in.value(base, raw)
	if p != nil {
		return in.d.send(Record{Problem: p})
	}
	return in.d.jsonEvent(in.pos(base), v, func(path []string, key bool) (int, int) {
		return in.lineCol(base + locateJSON(raw, path, key))
	})
}

// value decodes one value's text (starting at offset base), refusing duplicate keys.
func (in *jsonInput) value(base int, raw []byte) (any, *diag.Problem) {
	v, off, msg := decodeValue(raw)
	if msg != "" {
		return nil, in.problem(base+off, msg)
	}
	return v, nil
}

// decodeValue decodes one JSON value, numbers kept as written (json.Number), refusing a
// repeated key at any depth. On failure it gives the offset within raw and the message.
func decodeValue(raw []byte) (v any, off int, msg string) {
	if off, msg := duplicateKey(raw); msg != "" {
		return nil, off, msg
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, 0, "invalid JSON: " + err.Error()
	}
	return v, 0, ""
}

// duplicateKey finds a key repeated in an object of raw, at any depth: encoding/json would keep
// the last copy, other readers the first, so the value is refused. It gives the offset and the
// message, or "" when there is none (or raw is not valid JSON, which decoding then reports).
func duplicateKey(raw []byte) (off int, msg string) {
	dec := checkers.Get().(*jsontext.Decoder)
	defer checkers.Put(dec)
	// A lone surrogate escape ("\ud800") must not stop the check before a repeated key: encoding/json
	// accepts it (as U+FFFD), and would then keep the last copy of the key silently.
	dec.Reset(bytes.NewBuffer(raw), jsontext.AllowInvalidUTF8(true))
	_, err := dec.ReadValue()
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) || !errors.Is(se.Err, jsontext.ErrDuplicateName) {
		return 0, ""
	}
	where := ""
	if p := string(se.JSONPointer); p != "" {
		where = " at " + p
	}
	return int(se.ByteOffset), "duplicate key" + where + ": a JSON object must not repeat a key (readers disagree on which copy counts): refused"
}

// checkers are decoders for duplicateKey, reused (jsontext refuses duplicate names by default).
var checkers = sync.Pool{New: func() any { return new(jsontext.Decoder) }}

// syntax rejects the rest of the input after a syntax error of the framing decoder, once: the
// callers up the wrapper that see the same error again add nothing.
func (in *jsonInput) syntax(err error) error {
	if in.done {
		return nil
	}
	in.done = true
	off := int(in.dec.InputOffset())
	msg := "invalid JSON: " + err.Error()
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		off = int(se.ByteOffset) // the offending character
		msg = "invalid JSON: " + se.Err.Error()
		if errors.Is(se.Err, io.ErrUnexpectedEOF) {
			msg = "invalid JSON: the input ends in the middle of a value"
		}
	} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "invalid JSON: the input ends in the middle of a value"
	}
	return in.d.reject(in.pos(off), msg+" (the rest of the input is not read)")
}

// read reads the next value with the framing decoder: its offset in the input, and its text as
// a slice of the input (what the decoder returns is valid only until its next read, and event
// positions are looked up later, while other events are read).
func (in *jsonInput) read() (int, []byte, error) {
	v, err := in.dec.ReadValue()
	if err != nil {
		return 0, nil, err
	}
	end := int(in.dec.InputOffset())
	start := end - len(v)
	return start, in.data[start:end:end], nil
}

func (in *jsonInput) pos(off int) Position {
	l, c := in.lineCol(off)
	return Position{File: in.d.in.Name, Line: l, Column: c}
}

func (in *jsonInput) problem(off int, msg string) *diag.Problem {
	l, c := in.lineCol(off)
	return &diag.Problem{File: in.d.in.Name, Line: l, Column: c, Message: msg}
}

// lineCol is the 1-based line and column (in bytes) of an offset, found by binary search.
func (in *jsonInput) lineCol(off int) (line, col int) {
	off = max(0, min(off, len(in.data)))
	n := sort.SearchInts(in.lines, off+1) // the first line starting after off
	return n, off - in.lines[n-1] + 1
}

// lineStarts lists the offset of each line's first byte.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// trailing rejects anything after the top-level value.
func trailing(dec *json.Decoder) error {
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			return errors.New("unexpected data after the top-level value")
		}
		return err
	}
	return nil
}

// jsonEvent makes an event of a decoded JSON value, within the limits on nesting, values and
// string sizes.
func (d *decoder) jsonEvent(pos Position, v any, locate func([]string, bool) (int, int)) error {
	s := shape{lim: d.lim}
	if msg := s.check(v, 0); msg != "" {
		// Maps were walked in Go's random order: walk again in key order, so that the problem
		// reported, when there are several, is the same on every run.
		s = shape{lim: d.lim, sorted: true}
		msg = s.check(v, 0)
		p := &diag.Problem{File: pos.File, Line: pos.Line, Column: pos.Column, Field: yamlvalue.PathString(s.path), Message: msg}
		if m, ok := v.(map[string]any); ok {
			if id, ok := m["id"].(string); ok && id != "" && safetext.Problem(id) == "" && len(id) <= 200 {
				p.EventID = id
			}
		}
		if len(s.path) > 0 {
			p.Line, p.Column = locate(s.path, s.atKey)
		}
		return d.send(Record{Problem: p})
	}
	return d.newEvent(pos, v, locate)
}

// shape checks a decoded value against the limits, remembering where the first excess is.
type shape struct {
	lim    Limits
	sorted bool // walk maps in key order
	atKey  bool // the problem is in the key at path, not its value
	values int
	path   []string
}

func (s *shape) check(v any, depth int) string {
	s.values++
	switch {
	case s.lim.MaxDepth > 0 && depth > s.lim.MaxDepth:
		return fmt.Sprintf("nested deeper than %d levels (limits.max_depth): refused", s.lim.MaxDepth)
	case s.lim.MaxValues > 0 && s.values > s.lim.MaxValues:
		return fmt.Sprintf("more than %d values (limits.max_values): refused", s.lim.MaxValues)
	}
	switch x := v.(type) {
	case string:
		if s.lim.MaxString > 0 && len(x) > s.lim.MaxString {
			return fmt.Sprintf("a string of %d bytes, longer than %d (limits.max_string_bytes): refused", len(x), s.lim.MaxString)
		}
		return safetext.Problem(x)
	case map[string]any:
		if s.sorted {
			for _, k := range sortedkeys.Of(x) {
				if msg := s.entry(k, x[k], depth); msg != "" {
					return msg
				}
			}
			return ""
		}
		for k, e := range x {
			if msg := s.entry(k, e, depth); msg != "" {
				return msg
			}
		}
	case []any:
		for i, e := range x {
			if msg := s.check(e, depth+1); msg != "" {
				s.path = append([]string{strconv.Itoa(i)}, s.path...)
				return msg
			}
		}
	}
	return ""
}

// entry checks one key and value of a map.
func (s *shape) entry(k string, v any, depth int) string {
	if msg := safetext.KeyProblem(k); msg != "" {
		s.path, s.atKey = []string{k}, true
		return msg
	}
	if msg := s.check(v, depth+1); msg != "" {
		s.path = append([]string{k}, s.path...)
		return msg
	}
	return ""
}
