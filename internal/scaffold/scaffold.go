// Package scaffold writes a new rule's folder from templates, as `regal new rule` does: the rule
// package with its METADATA block, its Rego tests and its examples, each with TODOs to fill in.
// The files load and pass their own tests as written, so the analyst starts from a green run.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
)

//go:embed templates/*.tmpl
var templates embed.FS

// Rule says what to scaffold.
type Rule struct {
	ID       string // DPRK-FOO-BAR: the regime, then the rule's name
	Category string // one of the library's categories
	Severity string // default DefaultSeverity
	Title    string // default: the id in words, "DPRK foo bar"
}

// DefaultSeverity is a new rule's severity when none is given.
const DefaultSeverity = "medium"

var ruleID = regexp.MustCompile(`^[A-Z][A-Z0-9]*-[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`)

// ErrExists is returned when the rule's folder is already there.
var ErrExists = errors.New("already exists")

// fields are what the templates fill in.
type fields struct {
	Rule
	Regime string // dprk
	Name   string // foo_bar: the folder, the files and the package's last part
	Words  string // foo bar: the name as the rule's placeholder condition mentions it
	Slug   string // dprk-foo-bar: the examples' ids
}

func fieldsOf(r Rule) (fields, error) {
	if !ruleID.MatchString(r.ID) {
		return fields{}, fmt.Errorf("%q is not a rule id like DPRK-FOO-BAR (the regime, then the rule's name, which starts with a letter)", r.ID)
	}
	parts := strings.Split(strings.ToLower(r.ID), "-")
	f := fields{Rule: r, Regime: parts[0], Name: strings.Join(parts[1:], "_"), Words: strings.Join(parts[1:], " "),
		Slug: strings.ToLower(r.ID)}
	if f.Name == "lib" {
		return fields{}, fmt.Errorf("%s: lib is the folder of the regime's helpers, not a rule", r.ID)
	}
	if f.Category == "" {
		return fields{}, errors.New("a rule needs a category")
	}
	if f.Severity == "" {
		f.Severity = DefaultSeverity
	}
	if f.Title == "" {
		f.Title = strings.ToUpper(parts[0]) + " " + f.Words
	}
	for _, s := range []string{f.Category, f.Severity, f.Title} {
		if strings.ContainsAny(s, "\n\r") {
			return fields{}, fmt.Errorf("%q: one line only", s)
		}
	}
	return f, nil
}

// Dir is the rule's folder within a rule library: sanctions/dprk/foo_bar for DPRK-FOO-BAR.
func Dir(r Rule) (string, error) {
	f, err := fieldsOf(r)
	if err != nil {
		return "", err
	}
	return filepath.Join("sanctions", f.Regime, f.Name), nil
}

// Files renders the rule's files, by name within its folder: NAME.rego, NAME_test.rego and
// examples.yaml.
func Files(r Rule) (map[string][]byte, error) {
	f, err := fieldsOf(r)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for tmpl, name := range map[string]string{
		"rule.rego.tmpl":      f.Name + ".rego",
		"rule_test.rego.tmpl": f.Name + "_test.rego",
		"examples.yaml.tmpl":  "examples.yaml",
	} {
		t, err := template.ParseFS(templates, "templates/"+tmpl)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, f); err != nil {
			return nil, err
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

// Write scaffolds the rule into the rule library at root and returns the paths it wrote. It
// refuses a folder that exists, and a regime without its lib (sanctions/<regime>/lib), which
// every rule of the regime imports: a new regime starts as a copy of sanctions/dprk/lib. When a
// file cannot be written, the folder is removed: Write writes all or nothing.
func Write(root string, r Rule) ([]string, error) {
	dir, err := Dir(r)
	if err != nil {
		return nil, err
	}
	files, err := Files(r)
	if err != nil {
		return nil, err
	}
	regimeLib := filepath.Join(root, filepath.Dir(dir), "lib")
	if _, err := os.Stat(regimeLib); err != nil {
		return nil, fmt.Errorf("%s: the regime has no lib (copy sanctions/dprk/lib, and add the regime to sanctions/findings.rego): %w", regimeLib, err)
	}
	folder := filepath.Join(root, dir)
	if _, err := os.Stat(folder); err == nil {
		return nil, fmt.Errorf("%s: %w", folder, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return nil, err
	}
	var wrote []string
	for _, name := range []string{filepath.Base(dir) + ".rego", filepath.Base(dir) + "_test.rego", "examples.yaml"} {
		p := filepath.Join(folder, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			if rmErr := os.RemoveAll(folder); rmErr != nil {
				return nil, errors.Join(err, rmErr)
			}
			return nil, err
		}
		wrote = append(wrote, p)
	}
	return wrote, nil
}
