package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.ArgumentMatchers.argThat;

import dev.mlp.api.TrainingListener;
import dev.mlp.api.TrainingListener.BatchEnd;
import dev.mlp.api.TrainingListener.EpochEnd;
import dev.mlp.api.TrainingListener.RunEnd;
import dev.mlp.api.TrainingListener.RunStart;
import dev.mlp.api.TrainingListener.Update;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ListenerTest {

    private static final double[][] X = {{0.1, 0.2}, {0.3, -0.1}, {-0.5, 0.4}, {0.9, 0.0},
        {-0.2, -0.7}};
    private static final double[][] Y = {{0.3}, {0.2}, {-0.1}, {0.9}, {-0.9}};

    private static Mlp.Builder builder(int epochs) {
        return Mlp.builder().inputs(2).layer(3, "tanh").layer(1, "identity").loss("mse")
                .optimizer("sgd(lr=0.1)").batch("mini-batch(size=2, shuffle=false)")
                .epochs(epochs).seed(3);
    }

    /** A mock listener: it receives every event. */
    static TrainingListener stepListener() {
        return mock(TrainingListener.class);
    }

    @Test
    void eventsArriveInOrderWithTheRightCounts() {
        TrainingListener listener = stepListener();
        Model model = builder(3).listener(listener).build();
        TrainingResult result = model.fit(X, Y);

        // 5 samples in batches of 2: sizes 2, 2, 1 -> 3 batches per epoch, 9 in all
        ArgumentCaptor<RunStart> start = ArgumentCaptor.forClass(RunStart.class);
        ArgumentCaptor<BatchEnd> batches = ArgumentCaptor.forClass(BatchEnd.class);
        ArgumentCaptor<EpochEnd> epochs = ArgumentCaptor.forClass(EpochEnd.class);
        ArgumentCaptor<RunEnd> end = ArgumentCaptor.forClass(RunEnd.class);
        ArgumentCaptor<Update> before = ArgumentCaptor.forClass(Update.class);
        ArgumentCaptor<Update> after = ArgumentCaptor.forClass(Update.class);
        verify(listener, times(1)).runStarted(start.capture());
        verify(listener, times(3)).epochStarted(any());
        verify(listener, times(9)).beforeUpdate(before.capture());
        verify(listener, times(9)).afterUpdate(after.capture());
        verify(listener, times(9)).batchFinished(batches.capture());
        verify(listener, times(3)).epochFinished(epochs.capture());
        verify(listener, times(1)).runFinished(end.capture());
        verifyNoMoreInteractions(listener);

        assertEquals(3, start.getValue().epochs());
        assertEquals(5, start.getValue().samples());
        assertEquals(2, start.getValue().batchSize());
        assertEquals(3L, start.getValue().seed());
        assertSame(model.network(), start.getValue().network());

        List<Integer> epochNumbers = new ArrayList<>();
        for (EpochEnd e : epochs.getAllValues()) {
            epochNumbers.add(e.epoch());
        }
        assertEquals(List.of(1, 2, 3), epochNumbers);
        for (int i = 0; i < 3; i++) {
            EpochEnd e = epochs.getAllValues().get(i);
            assertEquals(3L * (i + 1), e.steps());
            assertEquals(result.epochLosses().get(i), e.loss(), 0.0);
        }

        List<BatchEnd> b = batches.getAllValues();
        for (int i = 0; i < 9; i++) {
            assertEquals(i / 3 + 1, b.get(i).epoch(), "epoch of batch event " + i);
            assertEquals(i % 3 + 1, b.get(i).batch(), "batch number of event " + i);
            assertEquals(i % 3 == 2 ? 1 : 2, b.get(i).size(), "size of event " + i);
            assertEquals(i + 1, b.get(i).step(), "step of event " + i);
        }
        // epoch loss = sample-weighted mean of the batch means
        for (int e = 0; e < 3; e++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                BatchEnd be = b.get(3 * e + k);
                sum += be.loss() * be.size();
            }
            assertEquals(sum / 5, epochs.getAllValues().get(e).loss(), 1e-15);
        }

        assertEquals(3, end.getValue().epochs());
        assertNull(end.getValue().stopReason());
        assertEquals(result.finalLoss(), end.getValue().loss(), 0.0);

        for (int i = 0; i < 9; i++) {
            assertEquals(i, before.getAllValues().get(i).step(), "steps before update " + i);
            assertEquals(i + 1, after.getAllValues().get(i).step(), "steps after update " + i);
            assertEquals(4, before.getAllValues().get(i).layout().size());
        }

        InOrder order = inOrder(listener);
        order.verify(listener).runStarted(any());
        for (int e = 0; e < 3; e++) {
            int epoch = e + 1;
            order.verify(listener).epochStarted(argThat(s -> s.epoch() == epoch));
            for (int k = 0; k < 3; k++) {
                order.verify(listener).beforeUpdate(any());
                order.verify(listener).afterUpdate(any());
                order.verify(listener).batchFinished(any());
            }
            order.verify(listener).epochFinished(any());
        }
        order.verify(listener).runFinished(any());
        order.verifyNoMoreInteractions();
    }

    @Test
    void aListenerCanStopTheRun() {
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd event) {
                assertFalse(event.control().stopRequested());
                if (event.epoch() == 2) {
                    event.control().requestStop("enough");
                    assertTrue(event.control().stopRequested());
                    event.control().requestStop("ignored: the first reason wins");
                }
            }
        };
        TrainingListener watcher = stepListener();
        Model model = builder(10).listener(stopper).listener(watcher).build();
        TrainingResult result = model.fit(X, Y);

        assertEquals(2, result.epochs());
        assertEquals("enough", result.stopReason());
        assertEquals(6, result.steps());
        ArgumentCaptor<RunEnd> end = ArgumentCaptor.forClass(RunEnd.class);
        verify(watcher).runFinished(end.capture());
        assertEquals("enough", end.getValue().stopReason());
        assertEquals(2, end.getValue().epochs());
        verify(watcher, times(2)).epochFinished(any());
        verify(watcher, times(6)).batchFinished(any());
    }

    @Test
    void aMockedListenerCanStopTheRunToo() {
        TrainingListener listener = mock(TrainingListener.class);
        doAnswer(inv -> {
            EpochEnd e = inv.getArgument(0);
            if (e.epoch() == 1) {
                e.control().requestStop(null);
            }
            return null;
        }).when(listener).epochFinished(any());
        TrainingResult result = builder(5).listener(listener).build().fit(X, Y);
        assertEquals(1, result.epochs());
        assertEquals("stop requested", result.stopReason());
    }

    @Test
    void listenersGivenAsSpecsAreResolved() {
        // the built-in 'log' listener by spec: the run still completes normally
        TrainingResult r = builder(2).listener("log(every=1)").build().fit(X, Y);
        assertEquals(2, r.epochs());
        assertNull(r.stopReason());
    }

    @Test
    void everyFitIsANewRun() {
        TrainingListener listener = mock(TrainingListener.class);
        Model model = builder(2).listener(listener).build();
        model.fit(X, Y);
        model.fit(X, Y);
        verify(listener, times(2)).runStarted(any());
        verify(listener, times(2)).runFinished(any());
        verify(listener, times(4)).epochFinished(any());
        assertEquals(2, model.history().size());
    }
}
