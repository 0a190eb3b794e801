package extract

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// Lexicon is what the extractor reads text with, all of it from the rule library's data tables,
// so that one edit improves both the rules and the extraction: the countries table (names,
// aliases, capitals, adjectives), the item taxonomy, the actors table (organisations and people)
// and the extraction table (the words of transfer, claims, denials...).
type Lexicon struct {
	countries *dict[string] // phrase key -> ISO code
	names     map[string]string
	actors    *dict[*Actor]
	items     *dict[string] // phrase key -> item category
	words     *dict[[]string]
	generic   map[string]bool // item categories too broad to name what was transferred
}

// Actor is an organisation or person of the actors table.
type Actor struct {
	Name           string
	Country        string
	Kind           string
	SpeaksForState bool
}

// Lists of the extraction table that the extractor needs.
var requiredLists = []string{"transfer", "receive", "carry", "use", "launch", "technical_assistance", "help",
	"cooperation", "meeting", "agreement", "labour", "deployment", "deploy", "say", "hedge", "confirm", "deny",
	"denial_words", "modal", "negation", "ban", "state_entity", "ngo", "place", "presence", "know_how",
	"not_item_after", "counterpart", "wish"}

// alpha3 matches the ISO 3166-1 alpha-3 codes among the aliases: not how articles write
// countries, and some are words ("AND", "ARE", "CAN").
var alpha3 = regexp.MustCompile(`^[A-Z]{3}$`)

// NewLexicon reads the tables of a loaded rule library.
func NewLexicon(lib *library.Library) (*Lexicon, error) {
	lx := &Lexicon{countries: newDict[string](), names: map[string]string{}, actors: newDict[*Actor](),
		items: newDict[string](), words: newDict[[]string](), generic: map[string]bool{"military_equipment": true, "other": true}}

	countries, _ := lib.Data["countries"].(map[string]any)
	if len(countries) == 0 {
		return nil, fmt.Errorf("the rule library has no countries table")
	}
	for code, v := range countries {
		e, _ := v.(map[string]any)
		name, _ := e["name"].(string)
		lx.names[code] = name
		lx.countries.add(name, code)
		aliases, _ := e["aliases"].([]any)
		for _, a := range aliases {
			if s, ok := a.(string); ok && !alpha3.MatchString(s) {
				lx.countries.add(s, code)
			}
		}
	}

	actors, _ := lib.Data["actors"].(map[string]any)
	for name, v := range actors {
		e, _ := v.(map[string]any)
		a := &Actor{Name: name}
		a.Country, _ = e["country"].(string)
		a.Kind, _ = e["kind"].(string)
		a.SpeaksForState, _ = e["speaks_for_state"].(bool)
		lx.actors.add(name, a)
		aliases, _ := e["aliases"].([]any)
		for _, al := range aliases {
			if s, ok := al.(string); ok {
				lx.actors.add(s, a)
			}
		}
	}

	index, _ := lib.Data["index"].(map[string]any)
	phrases, _ := index["phrases"].(map[string]any)
	if len(phrases) == 0 {
		return nil, fmt.Errorf("the rule library has no item taxonomy")
	}
	for key, cat := range phrases {
		if c, ok := cat.(string); ok {
			lx.items.addKey(key, c)
		}
	}

	lists, _ := lib.Data["extraction"].(map[string]any)
	for _, name := range requiredLists {
		list, ok := lists[name].([]any)
		if !ok {
			return nil, fmt.Errorf("the extraction table (rules/data/extraction.yaml) lacks the list %q", name)
		}
		for _, w := range list {
			if key, ok := w.(string); ok { // the loader stores phrase keys
				lx.words.m[key] = append(lx.words.m[key], name)
				lx.words.grow(key)
			}
		}
	}
	for _, l := range lx.words.m {
		sort.Strings(l)
	}
	return lx, nil
}

// CountryName is the name of a country code in the countries table.
func (lx *Lexicon) CountryName(code string) string {
	if n := lx.names[code]; n != "" {
		return n
	}
	return code
}

// dict maps phrase keys (phrase.Key) to values, and knows its longest key in words.
type dict[V any] struct {
	m        map[string]V
	maxWords int
}

func newDict[V any]() *dict[V] { return &dict[V]{m: map[string]V{}} }

func (d *dict[V]) add(s string, v V) {
	if k := phrase.Key(s); k != "" {
		d.addKey(k, v)
	}
}

func (d *dict[V]) addKey(k string, v V) {
	d.m[k] = v
	d.grow(k)
}

func (d *dict[V]) grow(k string) {
	if n := len(phrase.Words(k)); n > d.maxWords {
		d.maxWords = n
	}
}

// longest finds the longest key starting at token i, returning its length in tokens.
func (d *dict[V]) longest(toks []token, i int) (V, int) {
	var zero V
	for n := min(d.maxWords, len(toks)-i); n >= 1; n-- {
		if v, ok := d.m[keyOf(toks[i:i+n])]; ok {
			return v, n
		}
	}
	return zero, 0
}

func keyOf(toks []token) string {
	if len(toks) == 1 {
		return toks[0].w
	}
	b := make([]byte, 0, 32)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.w...)
	}
	return string(b)
}

// has says whether the words at token i start a phrase of list, and how many tokens it takes.
func (lx *Lexicon) has(toks []token, i int, list string) int {
	for n := min(lx.words.maxWords, len(toks)-i); n >= 1; n-- {
		for _, l := range lx.words.m[keyOf(toks[i:i+n])] {
			if l == list {
				return n
			}
		}
	}
	return 0
}
