package par

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 64} {
		const n = 1000
		var calls [n]atomic.Int32
		if err := Each(n, workers, func(i int) error { calls[i].Add(1); return nil }); err != nil {
			t.Fatal(err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("workers %d: index %d called %d times", workers, i, c)
			}
		}
	}
	if err := Each(0, 0, func(int) error { t.Fatal("called for n = 0"); return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestEachStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	var after atomic.Int32
	err := Each(10000, 1, func(i int) error {
		if i == 10 {
			return boom
		}
		if i > 10 {
			after.Add(1)
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v; want boom", err)
	}
	if n := after.Load(); n != 0 {
		t.Errorf("one worker went on with %d calls after the error", n)
	}
}

func TestEachWithStartsOncePerWorker(t *testing.T) {
	var starts, calls atomic.Int32
	err := EachWith(500, 4, func() func(int) error {
		starts.Add(1)
		seen := 0 // the worker's own state
		return func(int) error { seen++; calls.Add(1); return nil }
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := starts.Load(); s < 1 || s > 4 {
		t.Errorf("%d workers started; want 1 to 4", s)
	}
	if c := calls.Load(); c != 500 {
		t.Errorf("%d calls; want 500", c)
	}
}
