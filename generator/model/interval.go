package model

import (
	"fmt"
	"strconv"
	"time"
)

// Interval is a review interval such as 90 days, 12 weeks or 6 months.
type Interval struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

// ParseInterval reads "30d", "12w", "6m" or "1y".
func ParseInterval(s string) (Interval, error) {
	if len(s) < 2 {
		return Interval{}, fmt.Errorf("invalid interval %q", s)
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 10000 {
		return Interval{}, fmt.Errorf("invalid interval %q", s)
	}
	switch unit {
	case 'd', 'w', 'm', 'y':
		return Interval{N: n, Unit: unit}, nil
	}
	return Interval{}, fmt.Errorf("invalid interval %q", s)
}

// IsZero reports whether no interval is set.
func (iv Interval) IsZero() bool { return iv.N == 0 }

// String gives the interval back as written: "90d".
func (iv Interval) String() string {
	if iv.IsZero() {
		return ""
	}
	return strconv.Itoa(iv.N) + string(iv.Unit)
}

// After returns t plus the interval.
func (iv Interval) After(t time.Time) time.Time {
	switch iv.Unit {
	case 'd':
		return t.AddDate(0, 0, iv.N)
	case 'w':
		return t.AddDate(0, 0, 7*iv.N)
	case 'm':
		return t.AddDate(0, iv.N, 0)
	case 'y':
		return t.AddDate(iv.N, 0, 0)
	}
	return t
}

func (o *obj) interval(k string) Interval {
	s := o.str(k)
	if s == "" {
		return Interval{}
	}
	iv, err := ParseInterval(s)
	if err != nil {
		o.d.errorf(o.key(k), `a number and a unit: "30d" (days), "12w" (weeks), "6m" (months) or "1y"`, "%s: %v", k, err)
	}
	return iv
}
