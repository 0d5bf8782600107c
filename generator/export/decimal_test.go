package export_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/model"
)

// TestDecimal: numbers as spreadsheets of either language write them.
func TestDecimal(t *testing.T) {
	for in, want := range map[string]float64{
		"0.25": 0.25, "0,25": 0.25, " 3,5 ": 3.5, "-1,5": -1.5, "+2": 2, "1.250": 1.25, "0,125": 0.125,
		"1,25": 1.25, "1.250,5": 1250.5, "1,250.5": 1250.5, "1.250.000": 1250000, "1,250,000": 1250000,
		"12.345.678,9": 12345678.9, "1e3": 1000, ".5": 0.5, "64": 64,
	} {
		got, err := export.Decimal(in)
		if err != nil || got != want {
			t.Errorf("Decimal(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"1,250":     `"1,250" could mean 1250 or 1.25: write it as 1250 or 1.25`,
		"abc":       "not a number",
		"64%":       "not a number",
		"1,2,3.4,5": "not a number",
		"1.25.0":    "grouped by three",
		"12,34,567": "grouped by three",
		"1,,5":      "not a number",
		"--1":       "not a number",
		"NaN":       "not a number",
		"1e999":     "not a number",
		"1,5.":      "not a number",
		"":          "not a number",
	} {
		if _, err := export.Decimal(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("Decimal(%q): error %v, want one with %q", in, err, msg)
		}
	}
}

// TestParseMetricNumbers: a metric's value and target take decimal
// commas and %, and a metric whose numbers are in its name is refused
// with the line to write instead.
func TestParseMetricNumbers(t *testing.T) {
	for line, want := range map[string]model.Metric{
		"CSAT | value: 64% | target: 80%":       {Name: "CSAT", Value: 64, HasValue: true, Target: 80, HasTarget: true, Unit: "%", HigherIsBetter: true},
		"CSAT | value: 64 % | unit: %":          {Name: "CSAT", Value: 64, HasValue: true, Unit: "%", HigherIsBetter: true},
		"Tỷ lệ lỗi | value: 1,8 | target: 0,5":  {Name: "Tỷ lệ lỗi", Value: 1.8, HasValue: true, Target: 0.5, HasTarget: true, HigherIsBetter: true},
		"Đơn | value: 120/tháng | unit: /tháng": {Name: "Đơn", Value: 120, HasValue: true, Unit: "/tháng", HigherIsBetter: true},
		"Top 3 reasons":                         {Name: "Top 3 reasons", HigherIsBetter: true},
		"NPS 30 ngày | lower is better":         {Name: "NPS 30 ngày"},
		"P90 reply time":                        {Name: "P90 reply time", HigherIsBetter: true},
	} {
		m, err := export.ParseMetric(line)
		if err != nil || *m != want {
			t.Errorf("ParseMetric(%q) = %+v, %v; want %+v", line, m, err, want)
		}
	}
	for line, want := range map[string][2]string{
		"CSAT 64% (mục tiêu 80%)":       {`metric "CSAT 64% (mục tiêu 80%)" has its numbers in its name, and no value`, "CSAT | value: 64 | target: 80 | unit: %"},
		"NPS: 32":                       {"has its numbers in its name", "NPS | value: 32"},
		"Conversion = 2,5%":             {"has its numbers in its name", "Conversion | value: 2,5 | unit: %"},
		"Reply time (target 4)":         {"has its numbers in its name", "Reply time | target: 4"},
		"CSAT | value: cao":             {`value must be a number, not "cao"`, ""},
		"CSAT | value: 1,250":           {`value "1,250" could mean 1250 or 1.25`, ""},
		"CSAT | value: 64% | unit: pts": {`value is a percentage, but the unit is "pts"`, ""},
	} {
		_, err := export.ParseMetric(line)
		if err == nil || !strings.Contains(err.Error(), want[0]) {
			t.Errorf("ParseMetric(%q): error %v, want %q", line, err, want[0])
			continue
		}
		if h, ok := err.(*export.Hinted); want[1] != "" && (!ok || !strings.HasSuffix(h.Hint, want[1])) {
			t.Errorf("ParseMetric(%q): hint %v, want one ending %q", line, err, want[1])
		}
	}
}

// TestDropOffDecimals: a drop-off cell with a decimal comma or a spaced %.
func TestDropOffDecimals(t *testing.T) {
	for in, want := range map[string]float64{"0,35": 0.35, "35 %": 0.35, "35,5%": 0.355, "0.4": 0.4} {
		if got, err := export.DropOff(in); err != nil || got != want {
			t.Errorf("DropOff(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

// FuzzDecimal: no text makes Decimal panic or give a number TOML cannot
// hold, and every number Waymark writes reads back as itself.
func FuzzDecimal(f *testing.F) {
	for _, s := range []string{"0,25", "1.250,5", "1,250", "-3.5", "12.345.678,9", "1e3", "1,2,3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := export.Decimal(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("Decimal(%q) = %v", s, v)
		}
		if err == nil {
			w := strconv.FormatFloat(v, 'f', -1, 64)
			if back, err := export.Decimal(w); err != nil || back != v {
				t.Fatalf("Decimal(%q) = %v, which reads back as %v, %v", s, v, back, err)
			}
		}
	})
}
