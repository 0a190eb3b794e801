package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// Lexicon is what the extractor reads text with, all of it from the rule library's data tables,
// so that one edit improves both the rules and the extraction: the countries table (names,
// aliases, capitals, adjectives), the item taxonomy, the actors table (organisations and people)
// and the extraction table (the words of transfer, claims, denials, quantities, abbreviations...).
// Only English grammar is written in Go: articles and determiners, auxiliaries, prepositions,
// and the month, season and number words of dates and quantities.
type Lexicon struct {
	countries *dict[string] // phrase key -> ISO code
	names     map[string]string
	actors    *dict[*Actor]
	items     *dict[string] // phrase key -> item category
	words     *dict[[]string]
	generic   map[string]bool // item categories too broad to name what was transferred

	quantity   *regexp.Regexp    // a number before an item, with its qualifier and unit
	qualifiers map[string]string // phrase key -> the event format's qualifier (more_than, ...)
}

// Actor is an organisation or person of the actors table.
type Actor struct {
	Name           string
	Country        string
	Kind           string
	SpeaksForState bool
}

// Lists of the extraction table that the extractor needs, found as phrases in a sentence.
var requiredLists = []string{"transfer", "receive", "carry", "use", "launch", "technical_assistance", "help",
	"cooperation", "meeting", "agreement", "labour", "deployment", "deploy", "say", "hedge", "confirm", "deny",
	"denial_words", "modal", "negation", "ban", "state_entity", "ngo", "place", "presence", "know_how",
	"not_item_after", "counterpart", "wish", "legal_consequence"}

// Lists of the extraction table that the extractor compares one word of the text with: every
// entry is one word.
var wordLists = []string{"event_noun", "denied_transfer", "denied_report", "say_noun_after", "last_speaker",
	"subject_start", "speaker_break", "place_before", "flag", "origin_between", "transit", "before_object",
	"bound_for", "cover", "head_noun", "abbreviation", "other_event"}

// The event format's qualifiers of a quantity, each with its list quantity_QUALIFIER of the
// extraction table; a number with none of them is exact.
var qualifierNames = []string{"more_than", "up_to", "approx", "at_least"}

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

	if err := lx.readLists(lib.Data["extraction"]); err != nil {
		return nil, fmt.Errorf("the extraction table (rules/data/extraction.yaml) %w", err)
	}
	return lx, nil
}

// readLists reads the word lists of the extraction table, and the quantities they make.
func (lx *Lexicon) readLists(table any) error {
	lists, _ := table.(map[string]any)
	// take adds a list to the lexicon and returns its phrase keys.
	take := func(name string) ([]string, error) {
		list, ok := lists[name].([]any)
		if !ok {
			return nil, fmt.Errorf("lacks the list %q", name)
		}
		var keys []string
		for _, w := range list {
			if key, ok := w.(string); ok { // the loader stores phrase keys
				keys = append(keys, key)
				lx.words.m[key] = append(lx.words.m[key], name)
				lx.words.grow(key)
			}
		}
		return keys, nil
	}
	for _, name := range requiredLists {
		if _, err := take(name); err != nil {
			return err
		}
	}
	for _, name := range wordLists {
		keys, err := take(name)
		if err != nil {
			return err
		}
		for _, key := range keys {
			if strings.Contains(key, " ") {
				return fmt.Errorf("has %q in the list %q: want one word", key, name)
			}
		}
	}
	lx.qualifiers = map[string]string{}
	var qualified, units []string
	for _, q := range qualifierNames {
		keys, err := take("quantity_" + q)
		if err != nil {
			return err
		}
		for _, key := range keys {
			if other, ok := lx.qualifiers[key]; ok && other != q {
				return fmt.Errorf("has %q in both quantity_%s and quantity_%s: want it in one", key, other, q)
			}
			lx.qualifiers[key] = q
		}
		qualified = append(qualified, keys...)
	}
	for _, name := range []string{"quantity_unit", "quantity_container"} {
		keys, err := take(name)
		if err != nil {
			return err
		}
		units = append(units, keys...)
	}
	for _, l := range lx.words.m {
		sort.Strings(l)
	}
	lx.quantity = quantityPattern(qualified, units)
	return nil
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

// listed says whether a phrase key (a word of the text: its token) is one of list's entries.
func (lx *Lexicon) listed(key, list string) bool {
	return slices.Contains(lx.words.m[key], list)
}

// has says whether the words at token i start a phrase of list, and how many tokens it takes.
func (lx *Lexicon) has(toks []token, i int, list string) int {
	for n := min(lx.words.maxWords, len(toks)-i); n >= 1; n-- {
		if slices.Contains(lx.words.m[keyOf(toks[i:i+n])], list) {
			return n
		}
	}
	return 0
}
