package events

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
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
	start, line := lineStart(data, off)
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

// cut is a line of a YAML text where a prefix of it may end: one that is neither blank nor
// indented with a tab.
type cut struct {
	off, line int
	col       int  // the column of its first character that is not a space
	marker    bool // a document marker ("---" or "...") in the first column
	// next is the column of the first line of content from this one on (one that is neither
	// blank nor a comment, a character YAML refuses counted as a space), 0 when no line is, and
	// noColumn when that line is indented with a tab.
	next int
}

// noColumn is the column of a line indented with a tab: further in than any.
const noColumn = int(^uint(0) >> 1)

// ends says whether, in the whole text, the cut ends every node that a block collection at
// column col holds before it: its line starts at most at that column (so every block scalar in
// the collection ended before it, their lines being further in), and so does the first line of
// content from it on (so no node of the collection goes on after it). A multi-line plain scalar
// in the collection would need lines further in too; a quoted scalar or a flow collection left
// open at the cut is what parsing the text before it finds.
func (c cut) ends(col int) bool { return c.col <= col && c.next <= col }

// maxSalvageTries bounds the prefixes salvage parses: with the reading that found the error, a
// broken input costs at most maxSalvageTries+1 readings of it. The cuts that parsing rules out
// are skipped without parsing, so the few tries go to the cuts that may work: it takes two or
// three, usually, for an error in an item or a quote left open in one.
const maxSalvageTries = 8

// salvage reads what the input holds before the error at line errLine and yaml.v3 did not hand
// over: documents whole but not yet handed over (yaml.v3 may find the error while ending the
// document before the broken one), then the events that the broken document holds before the
// error, when it is a block list of events or a mapping of sections.
//
// yaml.v3 parses a document whole, so the text is cut at the start of a line up to errLine and
// the part before the cut is parsed alone. When that part is YAML by itself, the cut is not
// inside a quoted scalar nor a flow collection (one left open there would not parse): so every
// document it ends with a marker ("---" or "...") is whole; and when the cut ends the list of
// the broken document (cut.ends), the items before it are read from the file exactly as a
// reader of the whole file reads them, whatever follows.
//
// The search goes from the error upwards and finds the latest cut that works, parsing at most
// maxSalvageTries prefixes (so a broken input costs at most maxSalvageTries+1 readings of it):
// a prefix that does not parse because of what begins on an earlier line (a quote or a bracket
// left open, an unknown alias) rules out, unparsed, every cut after that line; one that parses
// gives the columns and lines of the broken document's lists, which rule out every cut that
// cannot end one (cutFits); one that does not parse for a reason yaml.v3 does not place makes
// the search go up in ever longer steps. When no cut works within the bound, the broken
// document is lost whole.
func (y *yamlInput) salvage(errLine int) error {
	text := y.data
	cuts := cutsBefore(text, errLine)
	var can func(cut) bool // learnt from a prefix that parsed: whether a cut may end the broken document
	hi, step := len(cuts)-1, 1
	for tries := 0; tries < maxSalvageTries; tries++ {
		i := hi
		for i >= 0 && can != nil && !can(cuts[i]) {
			i--
		}
		if i < 0 {
			return nil
		}
		c := cuts[i]
		prefix := text[:c.off]
		docs, err := parseDocuments(prefix)
		if err != nil {
			line, msg := yamlvalue.SyntaxError(err)
			if line == 0 {
				line = unknownAnchorLine(prefix, msg)
			}
			if line > 0 && line < c.line {
				// What is wrong there (yaml.v3 names the line where the quoted scalar or the
				// flow collection left open begins) is in the text before every later cut.
				for hi = i - 1; hi >= 0 && cuts[hi].line > line; hi-- {
				}
			} else {
				hi = i - step
				step *= 2
			}
			continue
		}
		if len(docs) <= y.docs {
			return nil // the cut is before the broken document
		}
		// The documents the prefix ends with a marker are whole, and so is its last one when
		// the cut is at a marker or the prefix ends with "...".
		whole := len(docs) - 1
		if c.marker || endsWithDocumentEnd(prefix) {
			whole = len(docs)
		}
		for _, doc := range docs[y.docs:whole] {
			if err := y.document(doc); err != nil {
				return err
			}
		}
		if whole == len(docs) || len(docs[whole].Content) == 0 {
			return nil // nothing of the broken document comes before the cut
		}
		root := docs[whole].Content[0]
		ok, f := y.cutFits(root, c)
		if ok {
			y.docs++
			return y.yamlDocument(root)
		}
		if f == nil {
			return nil // one event, a flow list, or not events at all: nothing before the error stands alone
		}
		can, hi = f, i-1
	}
	return nil
}

// cutFits says whether c ends, in the whole text, the prefix of root that the text before c
// parses to: c ends root's block list, or root's mapping of sections, or the block list that is
// its last value. It also gives the test that any cut before c must pass to end a prefix of root
// (nil when root is neither a block list nor a mapping of sections).
func (y *yamlInput) cutFits(root *yaml.Node, c cut) (bool, func(cut) bool) {
	block := func(n *yaml.Node) bool { return n.Kind == yaml.SequenceNode && n.Style&yaml.FlowStyle == 0 }
	switch {
	case block(root):
		can := func(c cut) bool { return c.ends(root.Column) }
		return can(c), can
	case root.Kind == yaml.MappingNode && y.d.wrapped(root):
		// A cut ends the mapping, or the block list of a section when it is on a line of it:
		// after its key, and not after the next key.
		can := func(c cut) bool {
			if c.ends(root.Column) {
				return true
			}
			for i := 0; i+1 < len(root.Content); i += 2 {
				k, v := root.Content[i], root.Content[i+1]
				if c.line > k.Line && (i+2 >= len(root.Content) || c.line <= root.Content[i+2].Line) &&
					y.d.in.isSection(k.Value) && block(v) && c.ends(v.Column) {
					return true
				}
			}
			return false
		}
		return can(c), can
	}
	return false, nil
}

// cutsBefore lists, in order, the lines up to line last that are neither blank nor indented
// with a tab, each with the column of the first line of content from it on.
func cutsBefore(text []byte, last int) []cut {
	var cuts []cut
	open := 0 // the cuts at the end of cuts whose next is not known yet
	eachLine(text, func(off, line int, l []byte) bool {
		if line <= last {
			ind := len(l) - len(bytes.TrimLeft(l, " "))
			if rest := l[ind:]; len(rest) > 0 && rest[0] != '\t' {
				cuts = append(cuts, cut{off: off, line: line, col: ind + 1, marker: ind == 0 && docMarker(rest)})
				open++
			}
		}
		if col, ok := contentColumn(l); ok && open > 0 {
			for k := len(cuts) - open; k < len(cuts); k++ {
				cuts[k].next = col
			}
			open = 0
		}
		return line < last || open > 0
	})
	return cuts
}

// contentColumn gives the column where a line's content starts, unless it is blank or a
// comment. A character YAML refuses counts as a space (a reader may stop at it, or skip it); a
// line indented with a tab has noColumn.
func contentColumn(l []byte) (int, bool) {
	col, tab := 1, false
	for i := 0; i < len(l); {
		r, size := utf8.DecodeRune(l[i:])
		switch {
		case r == '#':
			return 0, false
		case r == ' ' || !allowedInYAML(r):
			col++
		case r == '\t':
			tab = true
		case tab:
			return noColumn, true
		default:
			return col, true
		}
		i += size
	}
	return 0, false
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
	return len(line) == 3 || line[3] == ' ' || line[3] == '\t' || lineBreak(line, 3) > 0
}

// endsWithDocumentEnd says whether the last line of text that is neither blank nor a comment is
// a document end marker ("..."): the document before it is whole.
func endsWithDocumentEnd(text []byte) bool {
	end := false
	eachLine(text, func(_, _ int, l []byte) bool {
		if t := bytes.TrimLeft(l, " \t"); len(t) > 0 && t[0] != '#' {
			end = bytes.HasPrefix(l, []byte("...")) && docMarker(l)
		}
		return true
	})
	return end
}

// lineBreak gives the length of the line break that starts at text[i] (0 when none does): YAML
// ends a line at \n, \r\n, a lone \r, NEL, LS or PS, and counts its lines so.
func lineBreak(text []byte, i int) int {
	if i >= len(text) {
		return 0
	}
	switch text[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // NEL is C2 85
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2: // LS and PS are E2 80 A8 and E2 80 A9
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// eachLine calls f with each line of text (its offset, its number and its text without the
// break) until f returns false.
func eachLine(text []byte, f func(off, line int, l []byte) bool) {
	for off, line := 0, 1; off < len(text); line++ {
		end := off
		for end < len(text) && lineBreak(text, end) == 0 {
			end++
		}
		if !f(off, line, text[off:end]) {
			return
		}
		off = end + lineBreak(text, end)
	}
}

// lineStart gives the start of the line that holds text[off], and the line's number.
func lineStart(text []byte, off int) (start, line int) {
	start, line = 0, 1
	for i := 0; i < off; {
		if n := lineBreak(text, i); n > 0 {
			i += n
			start, line = i, line+1
			continue
		}
		i++
	}
	return start, line
}

// disallowedChar finds the first character that YAML does not allow in its text (YAML 1.2
// §5.1, as yaml.v3 checks it), or -1. yaml.v3 reports one without its line.
func disallowedChar(data []byte) (int, rune) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if !allowedInYAML(r) {
			return i, r
		}
		i += size
	}
	return -1, 0
}

// allowedInYAML says whether YAML allows a character in its text.
func allowedInYAML(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7E || r == 0x85 ||
		r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
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
		_, line := lineStart(text, star)
		return line
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
