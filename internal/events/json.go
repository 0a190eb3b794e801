package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/safetext"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// json reads a JSON input whole: an event object, an array of events, or an object of sections
// ({"events": [...]}) and an expect block.
func (d *decoder) json() error {
	data, ok, err := d.readText()
	if !ok {
		return err
	}
	start := skipJSONSpace(data, 0)
	if start == len(data) {
		return nil
	}
	at := func(path []string, key bool) Position {
		l, c := lineCol(data, locateJSON(data, path, key))
		return Position{File: d.in.Name, Line: l, Column: c}
	}
	syntax := func(err error, off int64) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		l, c := lineCol(data, int(off))
		msg := "invalid JSON: " + err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			msg = "invalid JSON: the input ends in the middle of a value"
		}
		return d.reject(Position{File: d.in.Name, Line: l, Column: c}, msg+" (the rest of the input is not read)")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	switch data[start] {
	case '[':
		if _, err := dec.Token(); err != nil {
			return syntax(err, dec.InputOffset())
		}
		return d.jsonElements(data, dec, nil, syntax)
	case '{':
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(data, &probe); err == nil {
			for k := range probe {
				if d.in.isSection(k) {
					return d.jsonWrapper(data, dec, at, syntax)
				}
			}
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return syntax(err, dec.InputOffset())
		}
		if err := trailing(dec); err != nil {
			return syntax(err, dec.InputOffset())
		}
		return d.jsonEvent(at(nil, false), v, func(path []string, key bool) (int, int) {
			return lineCol(data, locateJSON(data, path, key))
		})
	}
	l, c := lineCol(data, start)
	return d.reject(Position{File: d.in.Name, Line: l, Column: c}, "a JSON input must hold an event object, an array of events, or {\"events\": [...]}")
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

func (d *decoder) jsonWrapper(data []byte, dec *json.Decoder, at func([]string, bool) Position, syntax func(error, int64) error) error {
	if _, err := dec.Token(); err != nil { // {
		return syntax(err, dec.InputOffset())
	}
	for dec.More() {
		keyAt := skipJSONSpace(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return syntax(err, dec.InputOffset())
		}
		key, _ := tok.(string)
		switch {
		case d.in.isSection(key):
			d.section = key
			t, err := dec.Token()
			if err != nil {
				return syntax(err, dec.InputOffset())
			}
			if t != json.Delim('[') {
				return d.reject(at([]string{key}, false), key+": want an array of events")
			}
			if err := d.jsonElements(data, dec, []string{key}, syntax); err != nil {
				return err
			}
			d.section = ""
		case key == "expect":
			var v any
			if err := dec.Decode(&v); err != nil {
				return syntax(err, dec.InputOffset())
			}
			d.expect(v, func(path []string) Position { return at(append([]string{"expect"}, path...), true) })
		default:
			l, c := lineCol(data, keyAt)
			d.file.Problems = append(d.file.Problems, &diag.Problem{File: d.in.Name, Line: l, Column: c,
				Message: fmt.Sprintf("unknown top-level key %q (want %s)", key, d.in.wantKeys())})
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return syntax(err, dec.InputOffset())
			}
		}
	}
	return nil
}

// jsonElements reads the events of an array whose '[' has been read; prefix is the array's path.
func (d *decoder) jsonElements(data []byte, dec *json.Decoder, prefix []string, syntax func(error, int64) error) error {
	for i := 0; dec.More(); i++ {
		off := skipJSONSpace(data, int(dec.InputOffset()))
		l, c := lineCol(data, off)
		pos := Position{File: d.in.Name, Line: l, Column: c}
		if full, err := d.full(pos); full || err != nil {
			return err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return syntax(err, int64(off))
		}
		base := append(append([]string{}, prefix...), strconv.Itoa(i))
		if err := d.jsonEvent(pos, v, func(path []string, key bool) (int, int) {
			return lineCol(data, locateJSON(data, append(append([]string{}, base...), path...), key))
		}); err != nil {
			return err
		}
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
