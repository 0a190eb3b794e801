// Package yamlvalue turns YAML nodes into JSON-compatible values (map[string]any, []any,
// string, json.Number, bool, nil) and finds the line and column of any value by its path.
//
// It exists because events and data tables are written in YAML but judged as JSON: the schema
// validator and OPA both want plain JSON values, and every error must name its line.
package yamlvalue

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/safetext"
)

// Limits bound what one value may expand to, so that aliases cannot blow up memory
// ("billion laughs") and nesting cannot exhaust the stack.
type Limits struct {
	MaxNodes  int // values produced, aliases expanded (0: no limit)
	MaxDepth  int // nesting of maps and lists (0: no limit)
	MaxString int // bytes of one string (0: no limit)
	// Aliases, when not nil, is shared by every value converted from one input: each value an
	// alias produces is charged to it as it is produced, so that an anchor used by many values
	// cannot make the input cost more than its budget, whatever MaxNodes allows each value.
	Aliases *Budget
}

// Budget is how many values alias expansion may still produce across several conversions.
type Budget struct {
	Left int    // values aliases may still produce
	Name string // what sets it, for the message: "limits.max_values plus the input's size in bytes"
	size int
}

// NewBudget gives a budget of n values; name says in messages what sets it.
func NewBudget(n int, name string) *Budget { return &Budget{Left: n, Name: name, size: n} }

// Error is a conversion error at a place in the YAML text.
type Error struct {
	Line, Column int
	Path         string
	Msg          string
}

func (e *Error) Error() string {
	if e.Path != "" {
		return fmt.Sprintf("%d:%d: field %s: %s", e.Line, e.Column, e.Path, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
}

// Value converts n to a JSON-compatible value. Mapping keys must be strings.
func Value(n *yaml.Node, lim Limits) (any, error) {
	c := converter{lim: lim}
	return c.value(n, nil, 0)
}

type converter struct {
	lim     Limits
	nodes   int
	inAlias int // aliases being expanded around the node being converted
}

func (c *converter) value(n *yaml.Node, path []string, depth int) (any, error) {
	c.nodes++
	if c.lim.MaxNodes > 0 && c.nodes > c.lim.MaxNodes {
		return nil, c.errf(n, path, "more than %d values, aliases expanded (limits.max_values): refused", c.lim.MaxNodes)
	}
	if b := c.lim.Aliases; b != nil && c.inAlias > 0 && n.Kind != yaml.AliasNode {
		if b.Left--; b.Left < 0 {
			return nil, c.errf(n, path, "aliases in this input expand to more than %d values (%s): refused", b.size, b.Name)
		}
	}
	if c.lim.MaxDepth > 0 && depth > c.lim.MaxDepth {
		return nil, c.errf(n, path, "nested deeper than %d levels (limits.max_depth): refused", c.lim.MaxDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0], path, depth)
	case yaml.AliasNode:
		c.inAlias++
		defer func() { c.inAlias-- }()
		return c.value(n.Alias, path, depth)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				return nil, c.errf(k, path, "merge keys (<<) are not supported")
			}
			if k.Kind != yaml.ScalarNode {
				return nil, c.errf(k, path, "mapping keys must be plain strings")
			}
			if msg := safetext.KeyProblem(k.Value); msg != "" {
				return nil, c.errf(k, append(path, k.Value), "%s", msg)
			}
			if _, dup := m[k.Value]; dup {
				return nil, c.errf(k, append(path, k.Value), "key %q appears twice", k.Value)
			}
			x, err := c.value(v, append(path, k.Value), depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = x
		}
		return m, nil
	case yaml.SequenceNode:
		a := make([]any, 0, len(n.Content))
		for i, e := range n.Content {
			x, err := c.value(e, append(path, strconv.Itoa(i)), depth+1)
			if err != nil {
				return nil, err
			}
			a = append(a, x)
		}
		return a, nil
	case yaml.ScalarNode:
		return c.scalar(n, path)
	}
	return nil, c.errf(n, path, "unsupported YAML node")
}

func (c *converter) scalar(n *yaml.Node, path []string) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, c.errf(n, path, "%v", err)
		}
		return b, nil
	case "!!int":
		var i int64
		if err := n.Decode(&i); err != nil {
			return nil, c.errf(n, path, "%v", err)
		}
		return json.Number(strconv.FormatInt(i, 10)), nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, c.errf(n, path, "%v", err)
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, c.errf(n, path, "%q is not a JSON number", n.Value)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	case "!!str":
		if c.lim.MaxString > 0 && len(n.Value) > c.lim.MaxString {
			return nil, c.errf(n, path, "a string of %d bytes, longer than %d (limits.max_string_bytes): refused", len(n.Value), c.lim.MaxString)
		}
		if msg := safetext.Problem(n.Value); msg != "" {
			return nil, c.errf(n, path, "%s", msg)
		}
		return n.Value, nil
	case "!!timestamp":
		// A date written bare (2023-09-13) stays the string the author wrote.
		return n.Value, nil
	case "!!binary":
		return nil, c.errf(n, path, "binary values are not supported")
	}
	if msg := safetext.Problem(n.Value); msg != "" { // a scalar with a tag of its own: !note "..."
		return nil, c.errf(n, path, "%s", msg)
	}
	return n.Value, nil
}

func (c *converter) errf(n *yaml.Node, path []string, format string, args ...any) *Error {
	return &Error{Line: n.Line, Column: n.Column, Path: PathString(path), Msg: fmt.Sprintf(format, args...)}
}

// Locate returns the line and column of the value at path under n (keys and list indexes as
// strings). Where the path goes past what exists, it returns the position of the deepest node
// found. When key is true and the last step is a mapping key, it returns the key's position.
func Locate(n *yaml.Node, path []string, key bool) (line, col int) {
	for n != nil && (n.Kind == yaml.DocumentNode || n.Kind == yaml.AliasNode) {
		if n.Kind == yaml.DocumentNode {
			if len(n.Content) == 0 {
				break
			}
			n = n.Content[0]
		} else {
			n = n.Alias
		}
	}
	if n == nil {
		return 0, 0
	}
	line, col = n.Line, n.Column
	for i, step := range path {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == step {
					if key && i == len(path)-1 {
						return n.Content[j].Line, n.Content[j].Column
					}
					next = n.Content[j+1]
					break
				}
			}
		case yaml.SequenceNode:
			if idx, err := strconv.Atoi(step); err == nil && idx >= 0 && idx < len(n.Content) {
				next = n.Content[idx]
			}
		}
		if next == nil {
			return line, col
		}
		for next.Kind == yaml.AliasNode && next.Alias != nil {
			next = next.Alias
		}
		n = next
		line, col = n.Line, n.Column
	}
	return line, col
}

// PathString renders a path the way error messages name fields: items[0].quantity.value.
func PathString(path []string) string {
	var b strings.Builder
	for _, p := range path {
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		if _, unsafe := safetext.Find(p); unsafe {
			p = strconv.QuoteToASCII(p) // a key with a control character: shown escaped
		}
		b.WriteString(p)
	}
	return b.String()
}

// SyntaxError splits a yaml.v3 parse error ("yaml: line 3: did not find expected key") into
// its line (0 when it gives none) and a message without the prefix.
//
// yaml.v3 counts lines from 1 for the errors of its scanner but from 0 for those of its parser
// (decode.go, parser.fail), so the parser's are moved one line down.
func SyntaxError(err error) (line int, msg string) {
	msg = err.Error()
	if _, scanErr := fmt.Sscanf(msg, "yaml: line %d:", &line); scanErr == nil {
		if i := strings.Index(msg, ": "); i >= 0 {
			if j := strings.Index(msg[i+2:], ": "); j >= 0 {
				msg = msg[i+2+j+2:]
			}
		}
		if parserProblems[msg] {
			line++
		}
	} else {
		line = 0
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return line, "invalid YAML: " + msg
}

// parserProblems are the messages of yaml.v3's parser (parserc.go), as opposed to its scanner.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}
