package extract

import (
	"fmt"
	"slices"
	"strings"
)

// subject is the party before an event word in its clause, that no preposition introduces:
// the doer of an active verb. After "and", it is the subject of the previous event word.
func (st *state) subject(s *sentence, i int, trigs []trigger) (mention, bool) {
	return st.subjectOf(s, i, trigs, false)
}

// subjectOf is subject; a ship's flag counts only when flagged is true (who received).
func (st *state) subjectOf(s *sentence, i int, trigs []trigger, flagged bool) (mention, bool) {
	cs := s.clauseStart(i)
	if i >= 2 && (s.toks[i-1].w == "and" || (s.toks[i-2].w == "and" && isAux(s.toks[i-1].w))) {
		for k := len(trigs) - 1; k >= 0; k-- {
			if trigs[k].i < i-1 {
				return st.subjectOf(s, trigs[k].i, trigs, flagged)
			}
		}
	}
	var best mention
	found := false
	for _, m := range s.ments {
		if m.end > i || m.start < cs || m.country == "" || (!flagged && s.flagged(m)) {
			continue
		}
		switch s.prepBefore(m) {
		case "", "and", "or":
		default:
			continue
		}
		if next, ok := s.mentionAt(m.end); ok && next.isItem() {
			if m.end < i {
				// "North Korean specialists", "Russian technical assistance": an adjective; it is the
				// subject only when nothing else is.
				if !found {
					best, found = m, true
				}
				continue
			}
		}
		best, found = m, true
	}
	return best, found
}

func isAux(w string) bool {
	switch w {
	case "was", "were", "been", "being", "be", "is", "are", "had", "has", "have", "did", "also", "then", "later":
		return true
	}
	return false
}

// passive says whether a verb is passive: "were shipped", "had been shipped by" (not "was
// supplying").
func passive(s *sentence, i int) bool {
	if strings.HasSuffix(s.toks[i].w, "ing") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch s.toks[k].w {
		case "was", "were", "been", "being", "be", "is", "are":
			return true
		}
	}
	return false
}

// after finds the parties after token i in its clause that one of the prepositions introduces,
// with those listed with them ("to China and Vietnam").
func (st *state) after(s *sentence, i int, preps ...string) []mention {
	ce := s.clauseEnd(i)
	var out []mention
	for _, m := range s.ments {
		if m.start <= i || m.start >= ce || m.country == "" || s.flagged(m) {
			continue
		}
		if s.segmentStart(m.start) != s.segmentStart(i) {
			break // another part of the sentence: "..., breaching a ban imposed by the Security Council"
		}
		if p := s.prepBefore(m); p == "from" && m.start >= 3 && s.lx.listed(s.toks[m.start-2].w, "transit") {
			continue // "in transit from China": a stop on the way, not the supplier
		}
		if slices.Contains(preps, s.prepBefore(m)) {
			out = append(out, m)
			// Its list: "China and Vietnam", "China, Malaysia and Vietnam".
			for _, n := range s.ments {
				if n.start > m.end && n.start < ce && n.isParty() && listedAfter(s, m, n) {
					out = append(out, n)
					m = n
				}
			}
			return out
		}
	}
	return out
}

// listedAfter says whether n follows m in a list: "China and Vietnam", "China, Japan and".
func listedAfter(s *sentence, m, n mention) bool {
	if n.start == m.end+1 && (s.toks[m.end].w == "and" || s.toks[m.end].w == "or") {
		return true
	}
	return n.start == m.end && strings.TrimSpace(s.toks[n.start].gap) == ","
}

// object is the party right after a verb, with no preposition: "supplying Russia with", "helped
// Iran's".
func (st *state) object(s *sentence, i, n int) (mention, bool) {
	k := i + n
	for k < len(s.toks) && k < i+n+3 {
		if m, ok := s.mentionAt(k); ok && m.start == k {
			if m.country != "" && !s.flagged(m) {
				return m, true
			}
			return mention{}, false
		}
		if !st.x.lx.listed(s.toks[k].w, "before_object") {
			return mention{}, false
		}
		k++
	}
	return mention{}, false
}

// nounOwner is whose a noun of transfer is: "North Korea's exports", "North Korean exports", or
// the first party of its part of the sentence ("North Korea earned ... from banned exports").
func (st *state) nounOwner(s *sentence, t trigger) (mention, bool) {
	k := t.i - 1
	for k >= 0 && (st.x.lx.has(s.toks, k, "ban") > 0 || s.toks[k].possessive()) {
		k--
	}
	if m, ok := s.mentionAt(k); ok && m.country != "" {
		return m, true
	}
	if t.anaphor {
		return mention{}, false // "the transfer": told of before, and whose it is, too
	}
	// Back through its part of the sentence, to the party that acts ("North Korea earned ...
	// from banned exports"), unless a "that" or a say verb comes first (the speaker, then).
	seg := s.segmentStart(t.i)
	for k := t.i - 1; k >= seg; k-- {
		if s.toks[k].w == "that" || st.x.lx.has(s.toks, k, "say") > 0 || st.x.lx.has(s.toks, k, "hedge") > 0 {
			return mention{}, false
		}
		if m, ok := s.mentionAt(k); ok && m.country != "" && s.prepBefore(m) == "" && !s.flagged(m) {
			return m, true
		}
	}
	return mention{}, false
}

// origins are the countries the event's items come from.
func (st *state) originOf(s *sentence, items []mention) (mention, bool) {
	for _, it := range items {
		if o, ok := s.origin(it); ok {
			return o, true
		}
	}
	return mention{}, false
}

func (st *state) newEvent(typ string, s *sentence, t trigger, how string) *event {
	e := &event{typ: typ}
	e.rules = append(e.rules, fmt.Sprintf("type %s: '%s'%s", typ, s.span(t.i, t.i+t.n), how))
	st.addItems(e, s, t.items)
	return e
}

func (e *event) setSupplier(s *sentence, m mention, how string) {
	e.supplier = m.country
	e.rules = append(e.rules, fmt.Sprintf("supplier %s: '%s'%s", m.country, s.span(m.start, m.end), how))
}

func (e *event) setRecipient(s *sentence, m mention, how string) {
	e.recipient = m.country
	e.rules = append(e.rules, fmt.Sprintf("recipient %s: '%s'%s", m.country, s.span(m.start, m.end), how))
}
