package library

import (
	"fmt"
	"maps"
	"regexp"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// table is one data file, decoded, with what is needed to point at its lines.
type table struct {
	file  string
	value any
	node  *yaml.Node // nil for JSON tables
}

func (t *table) problem(path []string, key bool, format string, args ...any) *diag.Problem {
	p := &diag.Problem{File: t.file, Field: yamlvalue.PathString(path), Message: fmt.Sprintf(format, args...)}
	if t.node != nil {
		p.Line, p.Column = yamlvalue.Locate(t.node, path, key)
	}
	return p
}

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// indexCountries checks countries.yaml and returns its indexes: every code, name and alias,
// as a key (see Key), mapped to its ISO code; and every place (a port, a city, a region: where
// goods are loaded or discharged, where an event happens) mapped to the code of its country.
// A place is not a name of the state: a party named "Nampo" is not the DPRK, goods loaded at
// Nampo came from it.
func indexCountries(t *table) (map[string]string, map[string]any, diag.List) {
	var probs diag.List
	root, ok := t.value.(map[string]any)
	if !ok {
		return nil, nil, diag.List{t.problem(nil, false, "want a mapping from ISO 3166-1 alpha-2 codes to {name, aliases, places}")}
	}
	index := map[string]string{}
	places := map[string]any{}
	type place struct {
		path       []string
		name, code string
	}
	var pending []place // checked once every name is indexed
	add := func(path []string, name, code string) {
		k := phrase.Key(name)
		if k == "" {
			probs = append(probs, t.problem(path, false, "%q has no letters or digits", name))
			return
		}
		if prev, dup := index[k]; dup && prev != code {
			probs = append(probs, t.problem(path, false, "%q already names %s", name, prev))
			return
		}
		index[k] = code
	}
	for _, code := range sortedKeys(root) {
		if !countryCode.MatchString(code) {
			probs = append(probs, t.problem([]string{code}, true, "%q is not an ISO 3166-1 alpha-2 code (two capital letters)", code))
			continue
		}
		entry, ok := root[code].(map[string]any)
		if !ok {
			probs = append(probs, t.problem([]string{code}, false, "want {name, aliases}"))
			continue
		}
		add([]string{code}, code, code)
		for _, k := range sortedKeys(entry) {
			switch k {
			case "name":
				name, ok := entry[k].(string)
				if !ok {
					probs = append(probs, t.problem([]string{code, k}, false, "want a string"))
					continue
				}
				add([]string{code, k}, name, code)
			case "aliases":
				list, ok := entry[k].([]any)
				if !ok {
					probs = append(probs, t.problem([]string{code, k}, false, "want a list of strings"))
					continue
				}
				for i, a := range list {
					p := []string{code, k, fmt.Sprint(i)}
					s, ok := a.(string)
					if !ok {
						probs = append(probs, t.problem(p, false, "want a string"))
						continue
					}
					add(p, s, code)
				}
			case "places":
				list, ok := entry[k].([]any)
				if !ok {
					probs = append(probs, t.problem([]string{code, k}, false, "want a list of place names"))
					continue
				}
				for i, a := range list {
					s, _ := a.(string)
					pending = append(pending, place{[]string{code, k, fmt.Sprint(i)}, s, code})
				}
			default:
				probs = append(probs, t.problem([]string{code, k}, true, "unknown key %q (want name, aliases, places)", k))
			}
		}
		if _, ok := entry["name"]; !ok {
			probs = append(probs, t.problem([]string{code}, true, "missing name"))
		}
	}
	for _, p := range pending {
		pk := phrase.Key(p.name)
		switch prev, dup := places[pk]; {
		case pk == "":
			probs = append(probs, t.problem(p.path, false, "want a place name with letters or digits"))
		case dup && prev != p.code:
			probs = append(probs, t.problem(p.path, false, "place %q is already in %s", p.name, prev))
		case index[pk] != "" && index[pk] != p.code:
			probs = append(probs, t.problem(p.path, false, "place %q is a name of %s", p.name, index[pk]))
		default:
			places[pk] = p.code
		}
	}
	return index, places, probs
}

// phraseIndex is the derived taxonomy index: every phrase and designation, as a key, with its
// category; and the longest phrase in words, which bounds the n-grams the rules look up.
type phraseIndex struct {
	phrases  map[string]string
	maxWords int
	starts   map[string][]int // first word of a phrase -> the distinct word counts of the phrases it starts
}

// indexTaxonomy checks taxonomy.yaml against the categories the event schema allows and
// returns its index.
func indexTaxonomy(t *table, categories []string) (phraseIndex, diag.List) {
	var probs diag.List
	idx := phraseIndex{phrases: map[string]string{}}
	root, ok := t.value.(map[string]any)
	if !ok {
		return idx, diag.List{t.problem(nil, false, "want a mapping with groups and categories")}
	}
	for _, k := range sortedKeys(root) {
		if k != "groups" && k != "categories" {
			probs = append(probs, t.problem([]string{k}, true, "unknown key %q (want groups, categories)", k))
		}
	}
	groups, _ := root["groups"].(map[string]any)
	if groups == nil {
		probs = append(probs, t.problem([]string{"groups"}, true, "want a mapping of group names to {label}"))
	}
	for _, g := range sortedKeys(groups) {
		entry, ok := groups[g].(map[string]any)
		if !ok {
			probs = append(probs, t.problem([]string{"groups", g}, false, "want {label}"))
			continue
		}
		if s, ok := entry["label"].(string); !ok || s == "" {
			probs = append(probs, t.problem([]string{"groups", g}, true, "missing label"))
		}
	}
	cats, _ := root["categories"].(map[string]any)
	if cats == nil {
		return idx, append(probs, t.problem([]string{"categories"}, true, "want a mapping of categories to {label, groups, phrases, designations}"))
	}
	allowed := map[string]bool{}
	for _, c := range categories {
		allowed[c] = true
	}
	explicit := map[string]string{} // key -> category, from the table as written
	var generated [][2]string       // plural forms, added where the table does not say otherwise
	for _, c := range sortedKeys(cats) {
		cp := []string{"categories", c}
		if len(allowed) > 0 && !allowed[c] {
			probs = append(probs, t.problem(cp, true, "%q is not an item category of the event schema", c))
			continue
		}
		entry, ok := cats[c].(map[string]any)
		if !ok {
			probs = append(probs, t.problem(cp, false, "want {label, groups, phrases, designations}"))
			continue
		}
		for _, k := range sortedKeys(entry) {
			p := append(append([]string{}, cp...), k)
			switch k {
			case "label":
				if s, ok := entry[k].(string); !ok || s == "" {
					probs = append(probs, t.problem(p, false, "want a non-empty string"))
				}
			case "groups":
				list, ok := entry[k].([]any)
				if !ok {
					probs = append(probs, t.problem(p, false, "want a list of group names"))
					continue
				}
				for i, g := range list {
					if s, ok := g.(string); !ok || groups[s] == nil {
						probs = append(probs, t.problem(append(p, fmt.Sprint(i)), false, "%v is not a group declared under groups", g))
					}
				}
			case "phrases", "designations":
				if entry[k] == nil {
					continue
				}
				list, ok := entry[k].([]any)
				if !ok {
					probs = append(probs, t.problem(p, false, "want a list of strings"))
					continue
				}
				for i, v := range list {
					ip := append(append([]string{}, p...), fmt.Sprint(i))
					s, ok := v.(string)
					if !ok {
						probs = append(probs, t.problem(ip, false, "want a string"))
						continue
					}
					key := phrase.Key(s)
					if key == "" {
						probs = append(probs, t.problem(ip, false, "%q has no letters or digits", s))
						continue
					}
					if prev, dup := explicit[key]; dup {
						probs = append(probs, t.problem(ip, false, "%q is already a phrase of %s", s, prev))
						continue
					}
					explicit[key] = c
					for _, pl := range phrase.Plurals(key) {
						generated = append(generated, [2]string{pl, c})
					}
				}
			default:
				probs = append(probs, t.problem(p, true, "unknown key %q (want label, groups, phrases, designations)", k))
			}
		}
		if _, ok := entry["label"]; !ok {
			probs = append(probs, t.problem(cp, true, "missing label"))
		}
	}
	for k, c := range explicit {
		idx.phrases[k] = c
	}
	for _, g := range generated {
		if _, ok := idx.phrases[g[0]]; !ok {
			idx.phrases[g[0]] = g[1]
		}
	}
	idx.starts = map[string][]int{}
	for k := range idx.phrases {
		ws := phrase.Words(k)
		if n := len(ws); n > idx.maxWords {
			idx.maxWords = n
		}
		if !slices.Contains(idx.starts[ws[0]], len(ws)) {
			idx.starts[ws[0]] = append(idx.starts[ws[0]], len(ws))
		}
	}
	for _, ns := range idx.starts {
		slices.Sort(ns)
	}
	return idx, probs
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
