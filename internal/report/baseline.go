package report

// Until says how long a baseline entry accepted its finding, and why: "accepted until
// 2000-01-01: a known shipment" (an entry without an expiry or reason leaves that part out).
func (e BaselineEntry) Until() string {
	s := "accepted"
	if e.Expires != "" {
		s += " until " + e.Expires
	}
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}
