package events

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/safetext"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
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

// DefaultLimits are generous for real reports and small enough to stop hostile input.
var DefaultLimits = Limits{
	MaxFileBytes:  64 << 20,
	MaxEventBytes: 1 << 20,
	MaxDepth:      32,
	MaxValues:     100_000,
	MaxEvents:     0,
	MaxString:     64 << 10,
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

func (in Input) isSection(key string) bool {
	for _, s := range in.sections() {
		if s == key {
			return true
		}
	}
	return false
}

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

func (d *decoder) readAll() ([]byte, error) {
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

// --- YAML -------------------------------------------------------------------------------------

func (d *decoder) yaml() error {
	data, err := d.readAll()
	if err != nil {
		return d.reject(Position{File: d.in.Name}, err.Error())
	}
	if bad := invalidUTF8(data); bad >= 0 {
		l, c := lineCol(data, bad)
		return d.reject(Position{File: d.in.Name, Line: l, Column: c}, "not valid UTF-8 text (the input is not read)")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			line, msg := yamlvalue.SyntaxError(err)
			return d.reject(Position{File: d.in.Name, Line: line}, msg+" (the rest of the input is not read)")
		}
		if len(doc.Content) == 0 {
			continue
		}
		if err := d.yamlDocument(doc.Content[0]); err != nil {
			return err
		}
	}
}

func (d *decoder) yamlDocument(root *yaml.Node) error {
	pos := Position{File: d.in.Name, Line: root.Line, Column: root.Column}
	switch {
	case root.Kind == yaml.SequenceNode:
		return d.yamlEvents(root)
	case root.Kind == yaml.MappingNode && d.wrapped(root):
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			switch {
			case d.in.isSection(k.Value):
				for v.Kind == yaml.AliasNode {
					v = v.Alias
				}
				d.section = k.Value
				if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
					continue
				}
				if v.Kind != yaml.SequenceNode {
					if err := d.reject(Position{File: d.in.Name, Line: v.Line, Column: v.Column}, k.Value+": want a list of events"); err != nil {
						return err
					}
					continue
				}
				if err := d.yamlEvents(v); err != nil {
					return err
				}
			case k.Value == "expect":
				d.yamlExpect(v)
			default:
				d.file.Problems = append(d.file.Problems, &diag.Problem{File: d.in.Name, Line: k.Line, Column: k.Column,
					Message: fmt.Sprintf("unknown top-level key %q (want %s)", k.Value, d.in.wantKeys())})
			}
		}
		d.section = ""
		return nil
	case root.Kind == yaml.MappingNode:
		return d.yamlEvent(root)
	case root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null":
		return nil
	}
	return d.reject(pos, "a YAML document must hold an event, a list of events, or events: [...]")
}

func (d *decoder) yamlEvents(seq *yaml.Node) error {
	for _, n := range seq.Content {
		if err := d.yamlEvent(n); err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) yamlEvent(n *yaml.Node) error {
	pos := Position{File: d.in.Name, Line: n.Line, Column: n.Column}
	if full, err := d.full(pos); full || err != nil {
		return err
	}
	v, err := yamlvalue.Value(n, d.yamlLimits())
	if err != nil {
		var ye *yamlvalue.Error
		if errors.As(err, &ye) {
			return d.send(Record{Problem: &diag.Problem{File: d.in.Name, Line: ye.Line, Column: ye.Column, Field: ye.Path,
				EventID: idOf(n), Message: ye.Msg}})
		}
		return d.reject(pos, err.Error())
	}
	return d.newEvent(pos, v, func(path []string, key bool) (int, int) { return yamlvalue.Locate(n, path, key) })
}

// idOf finds an event's id in its node, for errors raised before it is decoded.
func idOf(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// wrapped reports whether a mapping holds sections of events rather than being one event.
func (d *decoder) wrapped(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if d.in.isSection(n.Content[i].Value) {
			return true
		}
	}
	return false
}

func (d *decoder) yamlExpect(n *yaml.Node) {
	v, err := yamlvalue.Value(n, d.yamlLimits())
	if err != nil {
		d.file.Problems = append(d.file.Problems, &diag.Problem{File: d.in.Name, Line: n.Line, Column: n.Column, Message: "expect: " + err.Error()})
		return
	}
	d.expect(v, func(path []string) Position {
		l, c := yamlvalue.Locate(n, path, true)
		return Position{File: d.in.Name, Line: l, Column: c}
	})
}

// expect reads a fixture's expect block: {event-id: {rules: [RULE-ID, ...], exempted: [RULE-ID, ...]}}.
func (d *decoder) expect(v any, at func(path []string) Position) {
	bad := func(path []string, msg string) {
		p := at(path)
		d.file.Problems = append(d.file.Problems, &diag.Problem{File: p.File, Line: p.Line, Column: p.Column,
			Field: "expect." + yamlvalue.PathString(path), Message: msg})
	}
	m, ok := v.(map[string]any)
	if !ok {
		bad(nil, "want a mapping of event ids to {rules: [...]}")
		return
	}
	if d.file.Expect == nil {
		d.file.Expect = map[string]Expectation{}
	}
	for id, x := range m {
		e, ok := x.(map[string]any)
		if !ok {
			bad([]string{id}, "want {rules: [...]}")
			continue
		}
		exp := Expectation{Pos: at([]string{id}), Rules: []string{}}
		for k, val := range e {
			if k == "verdicts" {
				exp.Verdicts = d.verdicts(val, []string{id, k}, bad)
				continue
			}
			if k != "rules" && k != "exempted" {
				bad([]string{id, k}, fmt.Sprintf("unknown key %q (want rules, exempted, verdicts)", k))
				continue
			}
			list, ok := val.([]any)
			if !ok {
				bad([]string{id, k}, "want a list of rule ids")
				continue
			}
			ids := []string{}
			for i, r := range list {
				s, ok := r.(string)
				if !ok || s == "" {
					bad([]string{id, k, strconv.Itoa(i)}, "want a rule id")
					continue
				}
				ids = append(ids, s)
			}
			if k == "rules" {
				exp.Rules = ids
			} else {
				exp.Exempted = ids
			}
		}
		if _, dup := d.file.Expect[id]; dup {
			bad([]string{id}, "expectation for this event is given twice")
		}
		d.file.Expect[id] = exp
	}
}

// verdicts reads an expectation's {RULE-ID: verdict} mapping.
func (d *decoder) verdicts(v any, path []string, bad func([]string, string)) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		bad(path, "want a mapping of rule ids to verdicts (possible_violation, needs_review)")
		return nil
	}
	out := map[string]string{}
	for rule, x := range m {
		s, _ := x.(string)
		if s != "possible_violation" && s != "needs_review" {
			bad(append(append([]string{}, path...), rule), "want possible_violation or needs_review")
			continue
		}
		out[rule] = s
	}
	return out
}

// --- JSON -------------------------------------------------------------------------------------

func (d *decoder) json() error {
	data, err := d.readAll()
	if err != nil {
		return d.reject(Position{File: d.in.Name}, err.Error())
	}
	if bad := invalidUTF8(data); bad >= 0 {
		l, c := lineCol(data, bad)
		return d.reject(Position{File: d.in.Name, Line: l, Column: c}, "not valid UTF-8 text (the input is not read)")
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

func (d *decoder) yamlLimits() yamlvalue.Limits {
	return yamlvalue.Limits{MaxNodes: d.lim.MaxValues, MaxDepth: d.lim.MaxDepth, MaxString: d.lim.MaxString}
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
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
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

// --- NDJSON -----------------------------------------------------------------------------------

func (d *decoder) ndjson() error {
	br := bufio.NewReaderSize(d.in.Reader, 64<<10)
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br, d.lim.MaxEventBytes)
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
	return d.jsonEvent(pos, v, func(path []string, key bool) (int, int) {
		return pos.Line, locateJSON(line, path, key) + 1
	})
}

// readLine reads one line without its end, reporting lines longer than max (and skipping them).
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
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
