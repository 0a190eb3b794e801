package extract

import (
	"slices"
	"strings"
)

// together reads cooperation and agreements: the states of the clause; with "from X to Y", a
// direction.
func (st *state) together(s *sentence, t trigger, typ string) *event {
	e := st.newEvent(typ, s, t, "")
	cs, ce := s.clauseStart(t.i), s.clauseEnd(t.i)
	for _, m := range s.ments {
		if m.isParty() && m.country != "" && m.start >= cs && m.start < ce && !slices.Contains(e.participants, m.country) {
			e.participants = append(e.participants, m.country)
		}
	}
	if from, to := st.after(s, t.i, "from"), st.after(s, t.i, "to"); len(from) > 0 && len(to) > 0 {
		e.setSupplier(s, from[0], ", after 'from'")
		e.setRecipient(s, to[0], ", after 'to'")
	}
	if len(e.participants) < 2 && e.supplier == "" {
		return nil
	}
	e.rules = append(e.rules, "parties: "+strings.Join(e.participants, ", "))
	return e
}
