package library

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
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

// schemaProblem is a failure of the table's schema, at the field and its line; a missing field
// is the fault of the object that lacks it.
func (t *table) schemaProblem(e schemaError) *diag.Problem {
	at := e.path
	if e.missing {
		at = at[:len(at)-1]
	}
	p := &diag.Problem{File: t.file, Field: yamlvalue.PathString(at), Message: e.message}
	if t.node != nil {
		p.Line, p.Column = yamlvalue.Locate(t.node, at, true)
	}
	return p
}

// indexCountries indexes countries.yaml (its form checked by its schema): every code, name and
// alias, as a key (see phrase.Key), mapped to its ISO code; and every place (a port, a city, a
// region: where goods are loaded or discharged, where an event happens) mapped to the code of
// its country. A place is not a name of the state: a party named "Nampo" is not the DPRK, goods
// loaded at Nampo came from it. A name may name one country only, a place be in one only.
func indexCountries(t *table) (map[string]string, map[string]any, diag.List) {
	var probs diag.List
	root := asMap(t.value)
	index := map[string]string{}
	add := func(path []string, name, code string) {
		k := phrase.Key(name)
		if prev, dup := index[k]; dup && prev != code {
			probs = append(probs, t.problem(path, false, "%q already names %s", name, prev))
			return
		}
		index[k] = code
	}
	for _, code := range sortedkeys.Of(root) {
		entry := asMap(root[code])
		add([]string{code}, code, code)
		for _, k := range sortedkeys.Of(entry) {
			switch k {
			case "name":
				add([]string{code, k}, entry[k].(string), code)
			case "aliases":
				for i, a := range asList(entry[k]) {
					add([]string{code, k, strconv.Itoa(i)}, a.(string), code)
				}
			}
		}
	}
	places := map[string]any{}
	for _, code := range sortedkeys.Of(root) { // once every name is indexed
		for i, x := range asList(asMap(root[code])["places"]) {
			p, name := []string{code, "places", strconv.Itoa(i)}, x.(string)
			pk := phrase.Key(name)
			switch prev, dup := places[pk]; {
			case dup && prev != code:
				probs = append(probs, t.problem(p, false, "place %q is already in %s", name, prev))
			case index[pk] != "" && index[pk] != code:
				probs = append(probs, t.problem(p, false, "place %q is a name of %s", name, index[pk]))
			default:
				places[pk] = code
			}
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

// indexTaxonomy indexes taxonomy.yaml (its form checked by its schema), after checking it
// against the categories the event schema allows and its own groups: every phrase names one
// category only.
func indexTaxonomy(t *table, categories []string) (phraseIndex, diag.List) {
	var probs diag.List
	idx := phraseIndex{phrases: map[string]string{}}
	root := asMap(t.value)
	groups, cats := asMap(root["groups"]), asMap(root["categories"])
	explicit := map[string]string{} // key -> category, from the table as written
	var generated [][2]string       // plural forms, added where the table does not say otherwise
	for _, c := range sortedkeys.Of(cats) {
		cp := []string{"categories", c}
		if len(categories) > 0 && !slices.Contains(categories, c) {
			probs = append(probs, t.problem(cp, true, "%q is not an item category of the event schema", c))
			continue
		}
		entry := asMap(cats[c])
		for i, g := range asList(entry["groups"]) {
			if groups[g.(string)] == nil {
				probs = append(probs, t.problem(append(slices.Clone(cp), "groups", strconv.Itoa(i)), false, "%v is not a group declared under groups", g))
			}
		}
		for _, k := range []string{"designations", "phrases"} {
			for i, v := range asList(entry[k]) {
				s, key := v.(string), phrase.Key(v.(string))
				if prev, dup := explicit[key]; dup {
					probs = append(probs, t.problem(append(slices.Clone(cp), k, strconv.Itoa(i)), false, "%q is already a phrase of %s", s, prev))
					continue
				}
				explicit[key] = c
				for _, pl := range phrase.Plurals(key) {
					generated = append(generated, [2]string{pl, c})
				}
			}
		}
	}
	maps.Copy(idx.phrases, explicit)
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

// keyPhraseLists writes the phrases of a table of lists of phrases (training_fields,
// extraction) as keys (phrase.Key), as the rules and the extractor look them up.
func keyPhraseLists(t *table) {
	root := asMap(t.value)
	for _, k := range sortedkeys.Of(root) {
		list, ok := root[k].([]any)
		if !ok {
			continue // another kind of entry: its schema says what it is
		}
		keyed := make([]any, 0, len(list))
		for _, x := range list {
			if s, ok := x.(string); ok {
				keyed = append(keyed, phrase.Key(s))
			}
		}
		root[k] = keyed
	}
}

// keyUnits writes the unit names of the units table as keys (the factors, barrels_per_tonne,
// are named by kind of product and stay as written).
func keyUnits(t *table) {
	root := asMap(t.value)
	for _, section := range []string{"barrels", "tonnes"} {
		m := asMap(root[section])
		keyed := map[string]any{}
		for _, k := range sortedkeys.Of(m) {
			keyed[phrase.Key(k)] = m[k]
		}
		root[section] = keyed
	}
}

// ClaimantKinds are the kinds of claimant the event format allows (docs/events.md); the actors
// table's schema (schema/data/actors.json) allows the same, a test keeps them in step.
var ClaimantKinds = []string{"state", "state_entity", "company", "person", "vessel", "armed_group",
	"international_org", "media", "ngo", "unknown"}

// checkActors checks the actors table (for sanctions extract; its form checked by its schema)
// against the countries table, and indexes every name and alias: one actor a name.
func checkActors(t *table, countries map[string]string) (map[string]any, diag.List) {
	root := asMap(t.value)
	var probs diag.List
	seen := map[string]string{}
	index := map[string]any{}
	for _, name := range sortedkeys.Of(root) {
		e := asMap(root[name])
		resolved := map[string]any{"name": name, "kind": e["kind"]}
		if c, ok := e["country"].(string); ok {
			if countries != nil && countries[phrase.Key(c)] != c {
				probs = append(probs, t.problem([]string{name, "country"}, false, "%v is not a country code of the countries table", c))
			}
			resolved["country"] = c
		}
		names := []string{name}
		for _, a := range asList(e["aliases"]) {
			names = append(names, a.(string))
		}
		for _, n := range names {
			k := phrase.Key(n)
			if prev, dup := seen[k]; dup && prev != name {
				probs = append(probs, t.problem([]string{name}, true, "%q is already a name of %s", n, prev))
			}
			seen[k] = name
			index[k] = resolved
		}
	}
	return index, probs
}
