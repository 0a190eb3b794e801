package ruletest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// UpdateExpect rewrites the expect block of a YAML fixture so that it says what the rules now
// fire (fired, by event id; order, the events in file order). Only the expectations that change
// are edited, in place: the rest of the file, its comments and its layout stay as they are. An
// event without an expectation gets one at the end of the block; an expectation for an event that
// is gone is removed.
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
	if expect != nil && expect.Kind == yaml.MappingNode {
		last = expectKey.Line
		for i := 0; i+1 < len(expect.Content); i += 2 {
			k, v := expect.Content[i], expect.Content[i+1]
			if i == 0 {
				indent = strings.Repeat(" ", k.Column-1)
			}
			end := endLine(v)
			if end > last {
				last = end
			}
			want, ok := fired[k.Value]
			if !ok {
				ed.deleteLines(k.Line, end)
				continue
			}
			have[k.Value] = true
			if err := ed.setRules(k, v, want); err != nil {
				return nil, err
			}
		}
	} else if expect != nil {
		return nil, fmt.Errorf("line %d: expect must be a mapping of event ids to {rules: [...]}", expect.Line)
	}
	var add strings.Builder
	for _, id := range order {
		if !have[id] {
			fmt.Fprintf(&add, "%s%s: {rules: %s}\n", indent, yamlKey(id), flowList(fired[id]))
		}
	}
	if add.Len() > 0 {
		if expect == nil {
			ed.insertAfter(ed.lastLine(), "\nexpect:\n"+add.String())
		} else {
			ed.insertAfter(last, add.String())
		}
	}
	return ed.apply(), nil
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// endLine is the last line a node's text reaches.
func endLine(n *yaml.Node) int {
	end := n.Line
	for _, c := range n.Content {
		if e := endLine(c); e > end {
			end = e
		}
	}
	return end
}

func flowList(rules []string) string { return "[" + strings.Join(rules, ", ") + "]" }

func yamlKey(id string) string {
	if strings.ContainsAny(id, ":#{}[],&*!|>'\"%@`") {
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

func (e *editor) lastLine() int { return len(e.lines) - 1 }

func (e *editor) deleteLines(from, to int) {
	e.edits = append(e.edits, edit{start: e.lines[from-1], end: e.lineEnd(to)})
}

func (e *editor) lineEnd(line int) int {
	if line < len(e.lines) {
		return e.lines[line]
	}
	return len(e.data)
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
	if list == nil || list.Kind != yaml.SequenceNode {
		// Not the usual shape: replace the whole entry.
		e.edits = append(e.edits, edit{start: e.lines[k.Line-1], end: e.lineEnd(endLine(v)),
			text: fmt.Sprintf("%s%s: {rules: %s}\n", strings.Repeat(" ", k.Column-1), yamlKey(k.Value), flowList(want))})
		return nil
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
		end := closingBracket(e.data, start)
		if end < 0 {
			return fmt.Errorf("line %d: cannot find the end of the rules list", list.Line)
		}
		e.edits = append(e.edits, edit{start: start, end: end + 1, text: flowList(want)})
		return nil
	}
	// A block list: put a flow list after "rules:" and drop the items' lines.
	colon := bytes.IndexByte(e.data[e.offset(key.Line, key.Column):], ':')
	after := e.offset(key.Line, key.Column) + colon + 1
	e.edits = append(e.edits, edit{start: after, end: e.lineEnd(endLine(list)) - 1, text: " " + flowList(want)})
	return nil
}

// closingBracket finds the ']' that closes the '[' at start, outside quotes.
func closingBracket(data []byte, start int) int {
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
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func (e *editor) apply() []byte {
	slices.SortFunc(e.edits, func(a, b edit) int { return b.start - a.start })
	out := append([]byte{}, e.data...)
	for _, ed := range e.edits {
		out = append(out[:ed.start], append([]byte(ed.text), out[ed.end:]...)...)
	}
	return out
}
