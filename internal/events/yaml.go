package events

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// yaml reads a YAML input whole: documents one after another, each an event, a list of events
// or a mapping of sections (events: [...]) and an expect block.
func (d *decoder) yaml() error {
	data, ok, err := d.readText()
	if !ok {
		return err
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

func (d *decoder) yamlLimits() yamlvalue.Limits {
	return yamlvalue.Limits{MaxNodes: d.lim.MaxValues, MaxDepth: d.lim.MaxDepth, MaxString: d.lim.MaxString}
}
