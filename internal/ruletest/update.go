package ruletest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// UpdateExpect rewrites the expect block of a YAML fixture so that it says what the rules now
// fire (fired, by event id; order, the events in file order). Only the expectations that change
// are edited, in place: the rest of the file, its comments and its layout stay as they are. An
// event without an expectation gets one at the end of the block; an expectation for an event that
// is gone is removed.
//
// A rules list is edited item by item, so that the comments on it stay where they are: in a
// block list (`- X` lines) an item that goes loses its line (and the comment at its end), a new
// item gets a line after the last one, and every comment line stays; a flow list on one line
// ([X, Y]) is rewritten, as no comment can be inside it; a flow list over several lines is
// rewritten one item a line, with each comment it holds. The result is read back: UpdateExpect
// fails rather than return a file whose expect block does not say what the rules fire.
func UpdateExpect(data []byte, fired map[string][]string, order []string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode || !hasKey(doc.Content[0], "events") {
		return nil, fmt.Errorf("only a fixture of the form events: [...] can hold an expect block")
	}
	ed := editor{data: data, lines: lineStarts(data)}
	root := doc.Content[0]
	var expect *yaml.Node
	var expectKey *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "expect" {
			expectKey, expect = root.Content[i], root.Content[i+1]
		}
	}
	have := map[string]bool{}
	indent := "  "
	last := 0 // the last line of the expect block
	// A flow mapping ({a: {rules: []}, ...}) can have its lists edited, not expectations added
	// or removed: those are lines of a block mapping.
	flow := expect != nil && expect.Kind == yaml.MappingNode && expect.Style&yaml.FlowStyle != 0 && len(expect.Content) > 0
	noLines := errors.New("expect is a flow mapping ({...}): write it one event a line for --update to add or remove expectations")
	if expect != nil && expect.Kind == yaml.MappingNode && len(expect.Content) > 0 {
		last = expectKey.Line
		for i := 0; i+1 < len(expect.Content); i += 2 {
			k, v := expect.Content[i], expect.Content[i+1]
			if i == 0 {
				indent = strings.Repeat(" ", k.Column-1)
			}
			end := ed.endLine(v)
			if end > last {
				last = end
			}
			want, ok := fired[k.Value]
			if !ok {
				if flow {
					return nil, fmt.Errorf("line %d: %w", k.Line, noLines)
				}
				ed.deleteLines(k.Line, end)
				continue
			}
			have[k.Value] = true
			if err := ed.setRules(k, v, want); err != nil {
				return nil, err
			}
		}
	} else if expect != nil && expect.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: expect must be a mapping of event ids to {rules: [...]}", expect.Line)
	}
	var add strings.Builder
	for _, id := range order {
		if !have[id] {
			fmt.Fprintf(&add, "%s%s: {rules: %s}\n", indent, yamlScalar(id), flowList(fired[id]))
		}
	}
	if add.Len() > 0 {
		switch {
		case flow:
			return nil, fmt.Errorf("line %d: %w", expect.Line, noLines)
		case expect == nil:
			ed.insertAfter(ed.lastLine(), "\nexpect:\n"+add.String())
		case last == 0: // expect: {}
			start := ed.offset(expect.Line, expect.Column)
			end := ed.closing(start)
			if end < 0 {
				return nil, fmt.Errorf("line %d: cannot find the end of the expect block", expect.Line)
			}
			for start > 0 && data[start-1] == ' ' {
				start--
			}
			ed.edits = append(ed.edits, edit{start: start, end: end + 1, text: ""})
			ed.insertAfter(ed.lineOf(end), add.String())
		default:
			ed.insertAfter(last, add.String())
		}
	}
	out := ed.apply()
	if err := checkExpect(out, fired); err != nil {
		return nil, err
	}
	return out, nil
}

// checkExpect reads the expect block of a rewritten fixture back, and fails unless it says, for
// every event, the rules fired.
func checkExpect(data []byte, fired map[string][]string) error {
	var doc struct {
		Expect map[string]struct {
			Rules []string `yaml:"rules"`
		} `yaml:"expect"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("the rewritten file would not be valid YAML (%w); it is left as it was", err)
	}
	for _, id := range sortedkeys.Of(fired) {
		want := fired[id]
		exp, ok := doc.Expect[id]
		if !ok {
			return fmt.Errorf("the rewritten expect block would have no expectation for %s; the file is left as it was", id)
		}
		got := slices.Clone(exp.Rules)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			return fmt.Errorf("the rewritten expect block would say %v for %s, not %v; the file is left as it was", got, id, want)
		}
	}
	for _, id := range sortedkeys.Of(doc.Expect) {
		if _, ok := fired[id]; !ok {
			return fmt.Errorf("the rewritten expect block would still hold %s; the file is left as it was", id)
		}
	}
	return nil
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

func flowList(rules []string) string {
	quoted := make([]string, len(rules))
	for i, r := range rules {
		quoted[i] = yamlScalar(r)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// yamlScalar writes an event or rule id as a YAML scalar, quoted when it would not read back as
// itself.
func yamlScalar(id string) string {
	if id == "" || strings.ContainsAny(id, ":#{}[],&*!|>'\"%@`") || strings.TrimSpace(id) != id {
		return fmt.Sprintf("%q", id)
	}
	return id
}

// editor collects edits of a text as byte ranges and applies them from the end.
type editor struct {
	data  []byte
	lines []int // byte offset of each line's start; lines[len] is len(data)
	edits []edit
}

type edit struct {
	start, end int
	text       string
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	if starts[len(starts)-1] != len(data) {
		starts = append(starts, len(data))
	}
	return starts
}

// offset converts a 1-based line and column (in characters) to a byte offset.
func (e *editor) offset(line, col int) int {
	off := e.lines[line-1]
	for c := 1; c < col && off < len(e.data); c++ {
		_, size := utf8.DecodeRune(e.data[off:])
		off += size
	}
	return off
}

// lineOf is the 1-based line of a byte offset.
func (e *editor) lineOf(off int) int {
	return sort.Search(len(e.lines), func(i int) bool { return e.lines[i] > off })
}

func (e *editor) lastLine() int { return len(e.lines) - 1 }

// endLine is the last line a node's text reaches: for a flow collection, the line of its closing
// bracket, which may be below its last item.
func (e *editor) endLine(n *yaml.Node) int {
	if (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle != 0 {
		if end := e.closing(e.offset(n.Line, n.Column)); end >= 0 {
			return e.lineOf(end)
		}
	}
	end := n.Line
	for _, c := range n.Content {
		if l := e.endLine(c); l > end {
			end = l
		}
	}
	return end
}

func (e *editor) deleteLines(from, to int) {
	e.edits = append(e.edits, edit{start: e.lines[from-1], end: e.lineEnd(to)})
}

func (e *editor) lineEnd(line int) int {
	if line < len(e.lines) {
		return e.lines[line]
	}
	return len(e.data)
}

// lineText is a line without its newline.
func (e *editor) lineText(line int) string {
	return strings.TrimSuffix(string(e.data[e.lines[line-1]:e.lineEnd(line)]), "\n")
}

func (e *editor) insertAfter(line int, text string) {
	at := e.lineEnd(line)
	if at > 0 && at == len(e.data) && e.data[at-1] != '\n' {
		text = "\n" + text
	}
	e.edits = append(e.edits, edit{start: at, end: at, text: text})
}

// setRules makes the entry k: v say rules: want, editing only the list when it differs.
func (e *editor) setRules(k, v *yaml.Node, want []string) error {
	var key, list *yaml.Node
	if v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			if v.Content[i].Value == "rules" {
				key, list = v.Content[i], v.Content[i+1]
			}
		}
	}
	switch {
	case v.Kind == yaml.MappingNode && key == nil:
		return e.addRulesKey(v, want)
	case list == nil || list.Kind != yaml.SequenceNode:
		return fmt.Errorf("line %d: the expectation of %s must be {rules: [...]}", k.Line, k.Value)
	}
	var got []string
	for _, c := range list.Content {
		got = append(got, c.Value)
	}
	slices.Sort(got)
	if slices.Equal(got, want) || (len(got) == 0 && len(want) == 0) {
		return nil
	}
	if list.Style&yaml.FlowStyle != 0 {
		start := e.offset(list.Line, list.Column)
		end := e.closing(start)
		if end < 0 {
			return fmt.Errorf("line %d: cannot find the end of the rules list", list.Line)
		}
		text := flowList(want)
		if e.lineOf(end) != list.Line {
			text = e.flowLines(list, start, end, want)
		}
		e.edits = append(e.edits, edit{start: start, end: end + 1, text: text})
		return nil
	}
	return e.blockItems(key, list, want)
}

// addRulesKey adds rules: want to an expectation that has no rules key ({exempted: [...]}).
func (e *editor) addRulesKey(v *yaml.Node, want []string) error {
	entry := "rules: " + flowList(want)
	if v.Style&yaml.FlowStyle != 0 {
		start := e.offset(v.Line, v.Column) // the '{'
		if len(v.Content) == 0 {
			end := e.closing(start)
			if end < 0 {
				return fmt.Errorf("line %d: cannot find the end of the expectation", v.Line)
			}
			e.edits = append(e.edits, edit{start: start, end: end + 1, text: "{" + entry + "}"})
			return nil
		}
		first := e.offset(v.Content[0].Line, v.Content[0].Column)
		e.edits = append(e.edits, edit{start: first, end: first, text: entry + ", "})
		return nil
	}
	first := v.Content[0]
	e.insertAfter(e.endLine(v), strings.Repeat(" ", first.Column-1)+entry+"\n")
	return nil
}

// blockItem is the start of a block list's item line: its indentation and dash.
var blockItem = regexp.MustCompile(`^[ \t]*-[ \t]+$`)

// blockItems edits a block list item by item: an item no longer wanted loses its line, a new
// one gets a line after the last item, in the layout of the others. Comment lines between,
// above and below the items stay where they are.
func (e *editor) blockItems(key, list *yaml.Node, want []string) error {
	wanted := map[string]bool{}
	for _, r := range want {
		wanted[r] = true
	}
	prefix := ""
	kept := map[string]bool{}
	lastLine := 0
	for _, it := range list.Content {
		before := string(e.data[e.lines[it.Line-1]:e.offset(it.Line, it.Column)])
		if it.Kind != yaml.ScalarNode || it.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || !blockItem.MatchString(before) || it.Line <= lastLine {
			return fmt.Errorf("line %d: cannot edit this rules list item by item; write it as [A, B]", it.Line)
		}
		lastLine = it.Line
		if prefix == "" {
			prefix = before
		}
		if wanted[it.Value] && !kept[it.Value] {
			kept[it.Value] = true
			continue
		}
		e.deleteLines(it.Line, it.Line)
	}
	var add strings.Builder
	for _, r := range want {
		if !kept[r] {
			add.WriteString(prefix + yamlScalar(r) + "\n")
		}
	}
	if add.Len() > 0 {
		e.insertAfter(lastLine, add.String())
	}
	if len(want) == 0 { // every item goes: the list is now empty
		colon := bytes.IndexByte(e.data[e.offset(key.Line, key.Column):], ':')
		after := e.offset(key.Line, key.Column) + colon + 1
		e.edits = append(e.edits, edit{start: after, end: after, text: " []"})
	}
	return nil
}

// flowLines rewrites a flow list written over several lines ('[' at start, ']' at end) with the
// rules wanted, one item a line, keeping every comment it holds: a comment after an item that
// stays stays after it, a comment on a line of its own stays on a line of its own, in its place
// among the items; new items come after the last one. yaml.v3 does not give every comment of a
// flow list (one right after the '[' is lost), so they are read from the text.
func (e *editor) flowLines(list *yaml.Node, start, end int, want []string) string {
	type part struct {
		item, comment string // item is "" for a comment on a line of its own
	}
	wanted := map[string]bool{}
	for _, r := range want {
		wanted[r] = true
	}
	open, closeLine := list.Line, e.lineOf(end)
	byLine := map[int][]*yaml.Node{}
	lastItemLine := open
	for _, it := range list.Content {
		byLine[it.Line] = append(byLine[it.Line], it)
		lastItemLine = max(lastItemLine, it.Line)
	}
	var parts []part
	openComment := ""
	kept := map[string]bool{}
	for line := open; line <= closeLine; line++ {
		from, to := e.lines[line-1], e.lineEnd(line)
		if line == open {
			from = start + 1
		}
		if line == closeLine {
			to = end
		}
		comment := commentIn(e.data[from:to])
		var here []part
		for _, it := range byLine[line] {
			if wanted[it.Value] && !kept[it.Value] {
				kept[it.Value] = true
				here = append(here, part{item: yamlScalar(it.Value)})
			}
		}
		switch {
		case len(here) > 0: // the comment is the last item's, as yaml.v3 reads it
			here[len(here)-1].comment = comment
			parts = append(parts, here...)
		case len(byLine[line]) > 0: // only items that go: their comment goes with them
		case comment != "" && line == open:
			openComment = comment
		case comment != "":
			parts = append(parts, part{comment: comment})
		}
		if line == lastItemLine {
			for _, r := range want {
				if !kept[r] {
					parts = append(parts, part{item: yamlScalar(r)})
				}
			}
		}
	}
	if len(parts) == 0 && openComment == "" {
		return "[]"
	}
	lastItem := -1
	for i, p := range parts {
		if p.item != "" {
			lastItem = i
		}
	}
	base := leadingSpace(e.lineText(open))
	var b strings.Builder
	b.WriteString("[")
	if openComment != "" {
		b.WriteString("  " + openComment)
	}
	for i, p := range parts {
		b.WriteString("\n" + base + "  " + p.item)
		if p.item != "" && i != lastItem {
			b.WriteString(",")
		}
		if p.comment != "" && p.item != "" {
			b.WriteString("  ")
		}
		b.WriteString(p.comment)
	}
	b.WriteString("\n" + base + "]")
	return b.String()
}

func leadingSpace(s string) string { return s[:len(s)-len(strings.TrimLeft(s, " \t"))] }

// commentIn is the comment in a piece of one line of a flow collection ("" when none): from a
// '#' that starts the piece or follows a blank, outside quotes, to the end.
func commentIn(text []byte) string {
	var quote byte
	for i, c := range text {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || bytes.IndexByte([]byte(" \t[{,:"), text[i-1]) >= 0 {
				quote = c
			}
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
			return strings.TrimRight(string(text[i:]), " \t\r\n")
		}
	}
	return ""
}

// closing finds the bracket that closes the '[' or '{' at start, outside quotes and comments.
func (e *editor) closing(start int) int {
	data := e.data
	depth := 0
	var quote byte
	for i := start; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == start || bytes.IndexByte([]byte(" \t\n[{,:"), data[i-1]) >= 0 {
				quote = c
			}
		case c == '#' && i > start && (data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'):
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// apply makes the edits from the end of the text: at one place, a deletion before an insertion,
// so that text inserted where a deleted line starts stays.
func (e *editor) apply() []byte {
	slices.SortStableFunc(e.edits, func(a, b edit) int {
		if a.start != b.start {
			return b.start - a.start
		}
		return b.end - a.end
	})
	out := append([]byte{}, e.data...)
	for _, ed := range e.edits {
		out = append(out[:ed.start], append([]byte(ed.text), out[ed.end:]...)...)
	}
	return out
}
