package library

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// tableDefaults are the messages of failures a table's schema has no words for.
var tableDefaults = map[string]string{
	"required":             "missing {key}",
	"additionalProperties": `unknown key "{key}" (want {known})`,
	"":                     "{problem}",
}

// buildData places every table at data.sanctions.<name>, checks each against its schema
// (schema/data/<name>.json) and then what a schema cannot state (uniqueness, agreement between
// fields and with the other tables and the event schema), and derives the lookup indexes the
// rules use: data.sanctions.index.{countries, places, actors, phrases, max_words, starts, groups,
// designations, designated, imo}. A table that fails its schema is not indexed: what is wrong
// with it is reported once, by its schema.
func (lib *Library) buildData(tables map[string]*table, broken map[string]bool) diag.List {
	var probs diag.List
	if t, ok := tables["exemptions"]; ok && t.value == nil {
		t.value = []any{} // an empty table: no exemptions
	}
	checked := map[string]*table{}
	for _, name := range sortedkeys.Of(tables) {
		t := tables[name]
		lib.Data[name] = t.value
		if ps := lib.checkTable(name, t); len(ps) > 0 {
			probs = append(probs, ps...)
			continue
		}
		checked[name] = t
	}
	if _, taken := tables["index"]; taken {
		probs = append(probs, &diag.Problem{File: tables["index"].file, Message: `the table name "index" is reserved for the derived indexes`})
	}
	everywhere := strings.Join(lib.Sources, ", ")
	missing := func(name, what string) {
		if _, present := tables[name]; !present && !broken[name] {
			probs = append(probs, &diag.Problem{File: everywhere, Message: fmt.Sprintf("no %s (data/%s.yaml) in the rule library", what, name)})
		}
	}
	index := map[string]any{}
	if t, ok := checked["countries"]; ok {
		countries, places, p := indexCountries(t)
		probs = append(probs, p...)
		index["places"] = places
		lib.Countries = countries
		m := make(map[string]any, len(countries))
		for k, v := range countries {
			m[k] = v
		}
		index["countries"] = m
	}
	missing("countries", "countries table")
	if t, ok := checked["taxonomy"]; ok {
		idx, p := indexTaxonomy(t, lib.ItemCategories())
		probs = append(probs, p...)
		m := make(map[string]any, len(idx.phrases))
		for k, v := range idx.phrases {
			m[k] = v
		}
		index["phrases"] = m
		index["max_words"] = json.Number(fmt.Sprint(idx.maxWords))
		starts := make(map[string]any, len(idx.starts))
		for k, ns := range idx.starts {
			list := make([]any, len(ns))
			for i, n := range ns {
				list[i] = map[string]any{"words": json.Number(fmt.Sprint(n))}
			}
			starts[k] = list
		}
		index["starts"] = starts
		index["groups"] = groupIndex(t)
	}
	missing("taxonomy", "item taxonomy")
	index["designations"], index["designated"], index["imo"] = map[string]any{}, map[string]any{}, map[string]any{}
	if t, ok := checked["designations"]; ok {
		idx, p := indexDesignations(t)
		probs = append(probs, p...)
		index["designations"], index["designated"], index["imo"] = idx.byName, idx.byRef, idx.byIMO
	}
	if _, ok := tables["exemptions"]; !ok {
		lib.Data["exemptions"] = []any{}
	}
	if t, ok := checked["exemptions"]; ok {
		probs = append(probs, checkExemptions(t, lib.Countries, lib.ItemCategories(), lib.ruleIDs())...)
	}
	for _, name := range []string{"training_fields", "extraction"} {
		if t, ok := checked[name]; ok {
			keyPhraseLists(t)
		}
	}
	if t, ok := checked["units"]; ok {
		keyUnits(t)
	}
	index["actors"] = map[string]any{}
	if t, ok := checked["actors"]; ok {
		actors, p := checkActors(t, lib.Countries)
		probs = append(probs, p...)
		index["actors"] = actors
	}
	lib.Data["index"] = index
	return probs
}

// checkTable checks a table against its schema: a problem for each failing value, with its
// line where the table is YAML.
func (lib *Library) checkTable(name string, t *table) diag.List {
	s := lib.tableSchemas[name]
	if s == nil {
		return diag.List{{File: t.file, Message: fmt.Sprintf("data table %q has no schema (%s)", name, path.Join(TableSchemaDir, name+".json"))}}
	}
	var probs diag.List
	for _, e := range s.check(t.value) {
		probs = append(probs, t.schemaProblem(e))
	}
	return probs
}

// groupIndex maps each taxonomy group to its categories: {group: {category: true}}.
func groupIndex(t *table) map[string]any {
	out := map[string]any{}
	root, _ := t.value.(map[string]any)
	groups, _ := root["groups"].(map[string]any)
	for g := range groups {
		out[g] = map[string]any{}
	}
	cats, _ := root["categories"].(map[string]any)
	for c, v := range cats {
		entry, _ := v.(map[string]any)
		list, _ := entry["groups"].([]any)
		for _, g := range list {
			if name, ok := g.(string); ok {
				if m, ok := out[name].(map[string]any); ok {
					m[c] = true
				}
			}
		}
	}
	return out
}
