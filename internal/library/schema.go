package library

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// A checker validates documents against one of the library's JSON Schemas (schema/metadata.json,
// schema/data/<table>.json) and says what is wrong in the schema's own words.
//
// A schema object may carry "x-message": a template for the failures of its keywords, either
// one string for all of them or an object by keyword ("required", "pattern", "type", ...); for
// "required" and "additionalProperties" the value may again be an object, by property name. A
// template names the failing value with {value} (quoted when a string), its place with {at} (a
// path like custom.citations[0].until), the place of the object holding it with {parent}, the
// missing or unknown key (or the last step of the place) with {key}, the values a const, enum or
// oneOf of consts allows with {allowed}, and the properties an object declares with {known}.
// A failure with no template gets the checker's default for its keyword.
type checker struct {
	file     string         // the schema's file name, for its own errors
	raw      map[string]any // the schema as written: templates, titles, annotations
	schema   *jsonschema.Schema
	defaults map[string]string // keyword -> template, "" for any other keyword
}

// A schemaError is one failing value of a document.
type schemaError struct {
	path    []string // the value's place: keys and list indexes from the root
	missing bool     // the last key of path is missing: the object that lacks it is at fault
	message string
}

// newChecker compiles the schema raw, read from file (p is its path within its source). The
// schema may refer to itself only: no other document is loaded.
func newChecker(file, p string, raw map[string]any, defaults map[string]string) (*checker, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(noLoader{})
	u := (&url.URL{Scheme: "file", Path: "/library/" + p}).String()
	if err := c.AddResource(u, raw); err != nil {
		return nil, err
	}
	s, err := c.Compile(u)
	if err != nil {
		return nil, err
	}
	return &checker{file: file, raw: raw, schema: s, defaults: defaults}, nil
}

// noLoader refuses every document a schema refers to: a library's schemas stand alone.
type noLoader struct{}

func (noLoader) Load(u string) (any, error) {
	return nil, fmt.Errorf("%s: a library schema refers only to itself", u)
}

var printer = message.NewPrinter(language.English)

// check validates doc and returns one error per failing value, sorted by place.
func (c *checker) check(doc any) []schemaError {
	err := c.schema.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []schemaError{{message: err.Error()}}
	}
	var out []schemaError
	seen := map[string]bool{}
	c.explain(ve, doc, func(e schemaError) {
		k := strings.Join(e.path, "\x00") + "\x01" + e.message
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	})
	slices.SortStableFunc(out, func(a, b schemaError) int { return slices.Compare(a.path, b.path) })
	return out
}

// explain reports e, or the failures below it when the schema has no words for e.
func (c *checker) explain(e *jsonschema.ValidationError, doc any, emit func(schemaError)) {
	node := c.node(e.SchemaURL)
	loc := e.InstanceLocation
	at := func(k string) []string { return append(slices.Clone(loc), k) }
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			emit(schemaError{path: at(m), missing: true, message: c.render(node, "required", m, at(m), nil, "")})
		}
		return
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			emit(schemaError{path: at(p), message: c.render(node, "additionalProperties", p, at(p), nil, "")})
		}
		return
	case *kind.Group, *kind.Schema:
		for _, cause := range e.Causes {
			c.explain(cause, doc, emit)
		}
		return
	case *kind.PropertyNames:
		emit(schemaError{path: at(k.Property), message: c.render(node, "propertyNames", "", at(k.Property), k.Property, problemText(e))})
		return
	}
	keyword := ""
	if kp := e.ErrorKind.KeywordPath(); len(kp) > 0 {
		keyword = kp[0]
	}
	if _, ok := template(node, keyword, ""); ok || len(e.Causes) == 0 {
		v, _ := valueAt(doc, loc)
		emit(schemaError{path: loc, message: c.render(node, keyword, "", loc, v, problemText(e))})
		return
	}
	for _, cause := range e.Causes {
		c.explain(cause, doc, emit)
	}
}

// problemText is what a failure says when neither the schema nor the checker has words for it.
func problemText(e *jsonschema.ValidationError) string {
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		return "want " + strings.Join(k.Want, " or ") + ", got " + k.Got
	case *kind.Enum, *kind.Const:
		return "{value} is not one of {allowed}"
	case *kind.Pattern:
		return "{value} does not match " + k.Want
	}
	return strings.NewReplacer("{", "(", "}", ")").Replace(e.ErrorKind.LocalizedString(printer))
}

// template finds the x-message of node for keyword (and, for required and
// additionalProperties, for the property).
func template(node map[string]any, keyword, prop string) (string, bool) {
	switch m := node["x-message"].(type) {
	case string:
		return m, true
	case map[string]any:
		switch t := m[keyword].(type) {
		case string:
			return t, true
		case map[string]any:
			s, ok := t[prop].(string)
			return s, ok
		}
	}
	return "", false
}

// render fills the template for a failure of keyword at path (value is the failing value): the
// schema's x-message, else the checker's default for the keyword (or for any keyword), in which
// {problem} stands for what the validator says.
func (c *checker) render(node map[string]any, keyword, prop string, path []string, value any, problem string) string {
	t, ok := template(node, keyword, prop)
	if !ok {
		if t, ok = c.defaults[keyword]; !ok {
			t = c.defaults[""]
		}
		t = strings.ReplaceAll(t, "{problem}", problem)
	}
	key, parent := "", path
	if len(path) > 0 {
		key, parent = path[len(path)-1], path[:len(path)-1]
	}
	return strings.NewReplacer(
		"{value}", display(value),
		"{at}", yamlvalue.PathString(path),
		"{parent}", yamlvalue.PathString(parent),
		"{key}", key,
		"{allowed}", strings.Join(allowedValues(node), ", "),
		"{known}", strings.Join(sortedkeys.Of(asMap(node["properties"])), ", "),
	).Replace(t)
}

// node is the schema object at a schema location (a URL whose fragment is a JSON pointer).
func (c *checker) node(loc string) map[string]any {
	_, frag, _ := strings.Cut(loc, "#")
	var n any = c.raw
	if frag == "" {
		return c.raw
	}
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if t, err := url.PathUnescape(tok); err == nil {
			tok = t
		}
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := n.(type) {
		case map[string]any:
			n = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			n = x[i]
		default:
			return nil
		}
	}
	m, _ := n.(map[string]any)
	return m
}

// allowedValues lists what a schema object allows by const, enum or a oneOf of consts.
func allowedValues(node map[string]any) []string {
	var out []string
	if v, ok := node["const"]; ok {
		out = append(out, fmt.Sprint(v))
	}
	if enum, ok := node["enum"].([]any); ok {
		for _, v := range enum {
			out = append(out, fmt.Sprint(v))
		}
	}
	for _, alt := range asList(node["oneOf"]) {
		if v, ok := asMap(alt)["const"]; ok {
			out = append(out, fmt.Sprint(v))
		}
	}
	return out
}

// valueAt is the value at path in doc.
func valueAt(doc any, path []string) (any, bool) {
	for _, step := range path {
		switch x := doc.(type) {
		case map[string]any:
			v, ok := x[step]
			if !ok {
				return nil, false
			}
			doc = v
		case []any:
			i, err := strconv.Atoi(step)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			doc = x[i]
		default:
			return nil, false
		}
	}
	return doc, true
}

func display(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	if v == nil {
		return "null"
	}
	return fmt.Sprint(v)
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

func asList(v any) []any { l, _ := v.([]any); return l }
