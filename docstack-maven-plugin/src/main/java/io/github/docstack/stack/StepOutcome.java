package io.github.docstack.stack;

/** What up did with one step and, for a service, what it waited for before counting it ready. */
public record StepOutcome(Action action, Ready ready) {

    public enum Action {
        STARTED("started"),
        RECREATED("recreated"),
        RESTARTED("restarted"),
        UNCHANGED("unchanged"),
        DONE("done"),
        ALREADY_DONE("already done");

        private final String words;

        Action(String words) {
            this.words = words;
        }
    }

    /** How a service was judged ready; a one-shot step has no readiness of its own. */
    public enum Ready {
        HEALTHY("healthy"),
        RUNNING("running (no healthcheck)"),
        NOT_A_SERVICE("");

        private final String words;

        Ready(String words) {
            this.words = words;
        }
    }

    static StepOutcome oneShot(Action action) {
        return new StepOutcome(action, Ready.NOT_A_SERVICE);
    }

    /** Whether up left the step as it found it. */
    public boolean unchanged() {
        return action == Action.UNCHANGED || action == Action.ALREADY_DONE;
    }

    /** The words of the progress line and the summary table, e.g. "recreated, healthy". */
    @Override
    public String toString() {
        return ready == Ready.NOT_A_SERVICE ? action.words : action.words + ", " + ready.words;
    }
}
