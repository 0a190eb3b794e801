package events

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// yamlInput is one YAML input being read: its documents one after another, each an event, a
// list of events or a mapping of sections (events: [...]) and an expect block.
type yamlInput struct {
	d    *decoder
	data []byte // the whole input
	// aliases is what alias expansion may produce across the whole input: limits.max_values
	// plus one value a byte of the input, so that one anchor used by every event cannot make
	// the input cost more than a constant times its size.
	aliases *yamlvalue.Budget
	docs    int // documents read (and their events given), empty ones included
}

// stop is the error that ends a YAML input: a syntax error, or a character YAML refuses.
type stop struct {
	line, col int
	msg       string
}

// yaml reads a YAML input whole, document by document: every document before one with a
// syntax error is read, and so are the events of the broken document that come before the
// error (see salvage).
func (d *decoder) yaml() error {
	data, ok, err := d.readText()
	if !ok {
		return err
	}
	y := &yamlInput{d: d, data: data}
	if d.lim.MaxValues > 0 {
		y.aliases = yamlvalue.NewBudget(d.lim.MaxValues+len(data), "limits.max_values plus the input's size in bytes")
	}
	off, r := disallowedChar(data)
	if off < 0 {
		return y.read(data, nil, false)
	}
	// A character YAML refuses (a NUL, a control character) is a syntax error at its place. The
	// text is read up to the start of its line, and the document it is in held back: it may go
	// on past the character.
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	line := 1 + bytes.Count(data[:start], []byte{'\n'})
	col := 1 + utf8.RuneCount(data[start:off])
	s := &stop{line: line, col: col, msg: fmt.Sprintf("invalid YAML: the control character %U is not allowed in YAML text", r)}
	return y.read(data[:start], s, docMarker(data[start:]))
}

// read decodes text document by document. With s, text is cut short at s's line: its last
// document is held back unless it is closed (by "..." or, with closed, by a marker on the line
// after the cut), since it may go on past the cut; then s ends the input.
func (y *yamlInput) read(text []byte, s *stop, closed bool) error {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var held *yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// A held document was followed by another one: it is whole.
			if held != nil {
				if err := y.document(held); err != nil {
					return err
				}
			}
			line, msg := yamlvalue.SyntaxError(err)
			if line == 0 {
				line = unknownAnchorLine(text, msg)
			}
			if s != nil {
				// The text was cut at s: the syntax error may be the cut's (a list left open),
				// so s is what is reported; the events before either are read.
				if line == 0 || line > s.line {
					line = s.line
				}
				return y.broken(s, line)
			}
			return y.broken(&stop{line: line, msg: msg}, line)
		}
		if s == nil {
			if err := y.document(&doc); err != nil {
				return err
			}
			continue
		}
		if held != nil {
			if err := y.document(held); err != nil {
				return err
			}
		}
		held = &doc
	}
	if s == nil {
		return nil
	}
	if held != nil && (closed || endsWithDocumentEnd(text)) {
		if err := y.document(held); err != nil {
			return err
		}
	}
	return y.broken(s, s.line)
}

// document reads one document whole, and counts it.
func (y *yamlInput) document(doc *yaml.Node) error {
	y.docs++
	if len(doc.Content) == 0 {
		return nil
	}
	return y.yamlDocument(doc.Content[0])
}

// broken ends the input at a syntax error: the events of the broken document that come before
// line (s's line, or an earlier one) are read if that can be done soundly, then the error is
// one rejected event.
func (y *yamlInput) broken(s *stop, line int) error {
	if line > 0 {
		if err := y.salvage(line); err != nil {
			return err
		}
	}
	return y.d.reject(Position{File: y.d.in.Name, Line: s.line, Column: s.col}, s.msg+" (the rest of the input is not read)")
}

// cut is a line of a YAML text where a prefix of it may end: one that starts a list item
// ("- ") or a top-level key.
type cut struct {
	off, line, col int
	dash           bool
}

// maxSalvageTries bounds the prefixes salvage parses, so that a broken input costs at most a
// few readings of it.
const maxSalvageTries = 8

// salvage reads the events that the broken document (the one after the y.docs documents read)
// holds before the error at line errLine, when it is a list of events or a mapping of sections.
//
// yaml.v3 parses a document whole, so the text is cut at a line up to errLine that starts an
// item of the document's list (a "-" in the list's column) or a key of its top-level mapping,
// and the part before the cut is parsed alone. When that part is YAML by itself, the cut is not
// inside a quoted scalar nor a flow collection (one left open there would not parse), and a
// block at that column ends every node begun before it: so the items before the cut are read
// from the file exactly as a reader of the whole file would read them, whatever follows. Cuts
// are tried from the error upwards (the nearest first, then ever further apart), at most
// maxSalvageTries of them; when none works, the broken document is lost whole.
func (y *yamlInput) salvage(errLine int) error {
	text := y.data
	cuts := cutsBefore(text, errLine)
	var fits func(cut) bool // learnt from a prefix that parsed: the columns where a cut may be
	step := 1
	for i, tries := len(cuts)-1, 0; i >= 0 && tries < maxSalvageTries; {
		c := cuts[i]
		if fits != nil && !fits(c) {
			i--
			continue
		}
		tries++
		docs, err := parseDocuments(text[:c.off])
		if err != nil {
			i -= step
			step *= 2
			continue
		}
		if len(docs) != y.docs+1 {
			return nil // the cut is before the broken document (or after it: not expected)
		}
		if len(docs[y.docs].Content) == 0 {
			return nil
		}
		root := docs[y.docs].Content[0]
		ok, f := y.cutFits(root, c)
		if ok {
			y.docs++
			return y.yamlDocument(root)
		}
		if f == nil {
			return nil // one event, or not events at all: nothing before the error stands alone
		}
		fits = f
		i--
	}
	return nil
}

// cutFits says whether c ends, in the whole text, the prefix of root that the text before c
// parses to: c is a "-" in the column of root's list, or of the list that is the last value of
// root's sections, or a key in the column of root's mapping of sections. Otherwise it gives the
// test for the cuts that could (nil when root is neither a list nor a mapping of sections).
func (y *yamlInput) cutFits(root *yaml.Node, c cut) (bool, func(cut) bool) {
	switch {
	case root.Kind == yaml.SequenceNode:
		return c.dash && c.col == root.Column, func(c cut) bool { return c.dash && c.col == root.Column }
	case root.Kind == yaml.MappingNode && y.d.wrapped(root):
		cols := map[int]bool{}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if v := root.Content[i+1]; v.Kind == yaml.SequenceNode {
				cols[v.Column] = true
			}
		}
		f := func(c cut) bool { return c.dash && cols[c.col] || !c.dash && c.col == root.Column }
		if !c.dash {
			return c.col == root.Column, f
		}
		n := len(root.Content)
		last := root.Content[n-1]
		return y.d.in.isSection(root.Content[n-2].Value) && last.Kind == yaml.SequenceNode && c.col == last.Column, f
	}
	return false, nil
}

// cutsBefore lists, in order, the lines up to line last that start a list item ("-" then a
// space or the line's end, after spaces) or, in the first column, something that is not a
// comment, a directive nor a document marker.
func cutsBefore(text []byte, last int) []cut {
	var cuts []cut
	for off, line := 0, 1; off < len(text) && line <= last; line++ {
		end := bytes.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		l := text[off:end]
		ind := len(l) - len(bytes.TrimLeft(l, " "))
		rest := l[ind:]
		switch {
		case len(rest) == 0 || rest[0] == '#' || rest[0] == '\t' || rest[0] == '\r':
		case rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t' || rest[1] == '\r'):
			cuts = append(cuts, cut{off: off, line: line, col: ind + 1, dash: true})
		case ind == 0 && rest[0] != '%' && !docMarker(rest):
			cuts = append(cuts, cut{off: off, line: line, col: 1})
		}
		off = end + 1
	}
	return cuts
}

// parseDocuments parses every document of text.
func parseDocuments(text []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var docs []*yaml.Node
	for {
		doc := new(yaml.Node)
		err := dec.Decode(doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
}

// docMarker says whether a line starts with a document marker ("---" or "...").
func docMarker(line []byte) bool {
	if len(line) < 3 || !bytes.HasPrefix(line, []byte("---")) && !bytes.HasPrefix(line, []byte("...")) {
		return false
	}
	return len(line) == 3 || strings.ContainsRune(" \t\r\n", rune(line[3]))
}

// endsWithDocumentEnd says whether the last line of text that is neither blank nor a comment is
// a document end marker ("..."): the document before it is whole.
func endsWithDocumentEnd(text []byte) bool {
	lines := bytes.Split(text, []byte("\n"))
	for i := len(lines) - 1; i >= 0; i-- {
		l := bytes.TrimSpace(lines[i])
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		return bytes.HasPrefix(lines[i], []byte("...")) && docMarker(lines[i])
	}
	return false
}

// disallowedChar finds the first character that YAML does not allow in its text (YAML 1.2
// §5.1, as yaml.v3 checks it), or -1. yaml.v3 reports one without its line.
func disallowedChar(data []byte) (int, rune) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == '\t' || r == '\n' || r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return i, r
		}
		i += size
	}
	return -1, 0
}

var unknownAnchor = regexp.MustCompile(`^invalid YAML: unknown anchor '(.*)' referenced$`)

// unknownAnchorLine finds the line of the first use of an anchor that yaml.v3 says is unknown,
// an error it gives without a line (0 when it is not that error).
func unknownAnchorLine(text []byte, msg string) int {
	m := unknownAnchor.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	use := regexp.MustCompile(`(^|[\s\[{,:-])\*` + regexp.QuoteMeta(m[1]) + `($|[\s\]},])`)
	if loc := use.FindIndex(text); loc != nil {
		star := loc[0] + bytes.IndexByte(text[loc[0]:loc[1]], '*')
		return 1 + bytes.Count(text[:star], []byte{'\n'})
	}
	return 0
}

func (y *yamlInput) yamlDocument(root *yaml.Node) error {
	d := y.d
	pos := Position{File: d.in.Name, Line: root.Line, Column: root.Column}
	switch {
	case root.Kind == yaml.SequenceNode:
		return y.yamlEvents(root)
	case root.Kind == yaml.MappingNode && d.wrapped(root):
		seen := map[string]bool{}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			if seen[k.Value] {
				// Both copies are read, so no event is hidden; the input is in error all the
				// same, since YAML forbids a repeated key and other readers refuse the file.
				d.file.Problems = append(d.file.Problems, &diag.Problem{File: d.in.Name, Line: k.Line, Column: k.Column,
					Message: fmt.Sprintf("duplicate top-level key %q: a YAML mapping must not repeat a key (other YAML readers refuse it); the events under each are read", k.Value)})
			}
			seen[k.Value] = true
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
				if err := y.yamlEvents(v); err != nil {
					return err
				}
			case k.Value == "expect":
				y.yamlExpect(v)
			default:
				d.file.Problems = append(d.file.Problems, &diag.Problem{File: d.in.Name, Line: k.Line, Column: k.Column,
					Message: fmt.Sprintf("unknown top-level key %q (want %s)", k.Value, d.in.wantKeys())})
			}
		}
		d.section = ""
		return nil
	case root.Kind == yaml.MappingNode:
		return y.yamlEvent(root)
	case root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null":
		return nil
	}
	return d.reject(pos, "a YAML document must hold an event, a list of events, or events: [...]")
}

func (y *yamlInput) yamlEvents(seq *yaml.Node) error {
	for _, n := range seq.Content {
		if err := y.yamlEvent(n); err != nil {
			return err
		}
	}
	return nil
}

func (y *yamlInput) yamlEvent(n *yaml.Node) error {
	d := y.d
	pos := Position{File: d.in.Name, Line: n.Line, Column: n.Column}
	if full, err := d.full(pos); full || err != nil {
		return err
	}
	v, err := yamlvalue.Value(n, y.limits())
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

func (y *yamlInput) yamlExpect(n *yaml.Node) {
	d := y.d
	v, err := yamlvalue.Value(n, y.limits())
	if err != nil {
		d.file.Problems = append(d.file.Problems, &diag.Problem{File: d.in.Name, Line: n.Line, Column: n.Column, Message: "expect: " + err.Error()})
		return
	}
	d.expect(v, func(path []string) Position {
		l, c := yamlvalue.Locate(n, path, true)
		return Position{File: d.in.Name, Line: l, Column: c}
	})
}

func (y *yamlInput) limits() yamlvalue.Limits {
	lim := y.d.lim
	return yamlvalue.Limits{MaxNodes: lim.MaxValues, MaxDepth: lim.MaxDepth, MaxString: lim.MaxString, Aliases: y.aliases}
}
