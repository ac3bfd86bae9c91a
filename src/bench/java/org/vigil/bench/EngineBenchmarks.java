package org.vigil.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.vigil.VigilApplication;
import org.vigil.breach.IncidentReport;
import org.vigil.breach.Incidents;

/**
 * The benchmarks that need Vigil in the same JVM: the engine overhead of a breach response against a bare Camunda
 * process of the same shape, and the lag of 2,000 reminder timers due in one minute under intake load. Runs with
 * the run command's JVM settings ({@code -Xmx512m -XX:+UseSerialGC}); part of {@code ./mvnw -Pbench -DskipTests verify}.
 */
public final class EngineBenchmarks {

    static final int PORT = Integer.getInteger("vigil.bench.engine-port", 18081);
    static final int SMTP_PORT = Integer.getInteger("vigil.bench.smtp-port", 13025);
    static final String GROUP = "incidentId";

    /** When the reminder step of each benchmark obligation began to run, by process instance. */
    static final Map<String, Long> REMINDER_STARTED = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        var figures = new Figures();
        Path dataDir = Files.createTempDirectory(Path.of("target"), "bench-engine-").toAbsolutePath();
        var mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        var arguments = new ArrayList<>(List.of("--spring.profiles.active=demo", "--server.port=" + PORT,
                "--vigil.embedded-db.data-dir=" + dataDir.resolve("mariadb"), "--logging.level.root=warn",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT));
        String externalDb = System.getenv("VIGIL_BENCH_DB_URL");
        if (externalDb != null && !externalDb.isBlank()) {
            arguments.add("--spring.datasource.url=" + externalDb);
            arguments.add("--spring.datasource.username=" + System.getenv().getOrDefault("VIGIL_BENCH_DB_USER", "root"));
            arguments.add("--spring.datasource.password=" + System.getenv().getOrDefault("VIGIL_BENCH_DB_PASSWORD", ""));
        }
        var application = new SpringApplication(VigilApplication.class, ReminderProbe.class);
        try (ConfigurableApplicationContext vigil = application.run(arguments.toArray(String[]::new))) {
            new EngineBenchmarks(vigil).run(figures);
        } finally {
            mail.stop();
        }
        figures.print();
        System.exit(0);
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl engine;
    private final Incidents incidents;
    private final DataSource dataSource;
    private final AtomicLong bareGroups = new AtomicLong(-1);
    /** The task keys of one breach response's happy path, in the order they were completed. */
    private final List<String> happyPath = new java.util.concurrent.CopyOnWriteArrayList<>();

    private EngineBenchmarks(ConfigurableApplicationContext vigil) {
        runtime = vigil.getBean(RuntimeService.class);
        tasks = vigil.getBean(TaskService.class);
        management = vigil.getBean(ManagementService.class);
        history = vigil.getBean(HistoryService.class);
        repository = vigil.getBean(RepositoryService.class);
        engine = vigil.getBean(ProcessEngineConfigurationImpl.class);
        incidents = vigil.getBean(Incidents.class);
        dataSource = vigil.getBean(DataSource.class);
    }

    private void run(Figures figures) throws Exception {
        engineOverhead(figures);
        figures.add("footprint", "resident memory after engine overhead", residentMegabytes() + " MB", "< 700 MB");
        timerLag(figures);
    }

    // --- 1. engine overhead ------------------------------------------------------------------------------------

    /**
     * Breach responses driven through the happy path (triage, containment, investigation of 40 people in Texas,
     * risk assessment, every planned notice prepared, approved and sent, review, closure) by worker threads that
     * complete every user task and run every non-timer job; against a bare process with as many user tasks, service
     * tasks and asynchronous continuations, no-op delegates, no forms, groups or due dates, whose tasks are completed
     * with the same answers in the same order. Same engine, same database, same driver, rounds alternated. The job executor is paused so the workers run every job.
     */
    private void engineOverhead(Figures figures) throws Exception {
        engine.getJobExecutor().shutdown();
        try {
            long sample = vigilIncident(happyPath::add);
            Shape shape = shapeOf(sample);
            deployBare(shape);
            if (Boolean.getBoolean("vigil.bench.trace-sql")) {
                traceWrites("bare", () -> rate(1, 1, this::bareInstance));
                traceWrites("Vigil", () -> rate(1, 1, this::vigilIncident));
            }
            System.out.println("[bench] engine overhead: one breach response = " + shape);
            int workers = Integer.getInteger("vigil.bench.workers", 4);
            int perRound = Integer.getInteger("vigil.bench.instances", 40);
            int rounds = Integer.getInteger("vigil.bench.rounds", 5);
            rate(workers, 10, this::vigilIncident); // warm-up
            rate(workers, 10, this::bareInstance);
            double[] vigilRates = new double[rounds];
            double[] bareRates = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                bareRates[round] = rate(workers, perRound, this::bareInstance);
                vigilRates[round] = rate(workers, perRound, this::vigilIncident);
            }
            var bareStatements = statementsPer(perRound, () -> rate(workers, perRound, this::bareInstance));
            var vigilStatements = statementsPer(perRound, () -> rate(workers, perRound, this::vigilIncident));
            double vigil = Figures.percentile(vigilRates, 50);
            double bare = Figures.percentile(bareRates, 50);
            figures.add("engine overhead", "breach responses/s (" + workers + " workers)", Figures.spread(vigilRates), "-");
            figures.add("engine overhead", "bare instances/s, same shape", Figures.spread(bareRates), "-");
            figures.add("engine overhead", "SQL per instance, bare: " + bareStatements.keySet(), bareStatements.values().toString(), "-");
            figures.add("engine overhead", "SQL per instance, Vigil", vigilStatements.values().toString(), "-");
            figures.add("engine overhead", "ratio bare/Vigil (medians)", String.format(Locale.ROOT, "%.2f", bare / vigil), "<= 1.5");
        } finally {
            engine.getJobExecutor().start();
        }
    }

    interface Round {
        double run() throws Exception;
    }

    /** The server's statement counters over one more round, per instance: where an instance's time goes. */
    private Map<String, Long> statementsPer(int instances, Round round) throws Exception {
        var before = statementCounters();
        round.run();
        var after = statementCounters();
        var perInstance = new java.util.LinkedHashMap<String, Long>();
        before.forEach((name, count) -> perInstance.put(name.replace("Com_", ""), Math.round((after.get(name) - count) / (double) instances)));
        return perInstance;
    }

    /** Diagnosis ({@code -Dvigil.bench.trace-sql=true}): the writes of one instance per table, from the server's general log. */
    private void traceWrites(String label, Round round) throws Exception {
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "general-", ".log");
        try (var db = dataSource.getConnection(); var statement = db.createStatement()) {
            try {
                statement.execute("set global general_log_file = '" + log + "'");
            } catch (java.sql.SQLException refused) {
                // Setting the log file is writing a file as the server: the embedded server's vigil account may not.
                System.out.println("[bench] trace-sql needs an account that may SET GLOBAL: VIGIL_BENCH_DB_URL with an administrator ("
                        + refused.getMessage() + ")");
                return;
            }
            statement.execute("set global log_output = 'FILE'");
            statement.execute("set global general_log = 1");
            round.run();
            Thread.sleep(2000); // the mail outbox and event registry finish after the commit
            statement.execute("set global general_log = 0");
        }
        var writes = new java.util.TreeMap<String, Integer>();
        var pattern = java.util.regex.Pattern.compile("(?i)\\b(insert into|update|delete from)\\s+`?(\\w+)");
        for (String line : Files.readAllLines(log)) {
            var matcher = pattern.matcher(line);
            if (matcher.find()) {
                writes.merge(matcher.group(1).toLowerCase(Locale.ROOT).split(" ")[0] + " " + matcher.group(2).toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        System.out.println("[bench] writes of one " + label + " instance: " + writes);
    }

    private Map<String, Long> statementCounters() throws java.sql.SQLException {
        var counters = new java.util.TreeMap<String, Long>();
        try (var db = dataSource.getConnection(); var status = db.createStatement().executeQuery(
                "show global status where Variable_name in ('Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_commit')")) {
            while (status.next()) {
                counters.put(status.getString(1), status.getLong(2));
            }
        }
        return counters;
    }

    private double rate(int workers, int instances, LongSupplier instance) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        var next = new AtomicInteger();
        long start = System.nanoTime();
        var done = new ArrayList<Future<?>>();
        for (int worker = 0; worker < workers; worker++) {
            done.add(pool.submit(() -> {
                while (next.getAndIncrement() < instances) {
                    instance.getAsLong();
                }
                return null;
            }));
        }
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
        return instances / ((System.nanoTime() - start) / 1e9);
    }

    private long vigilIncident() {
        return vigilIncident(taskKey -> { });
    }

    private long vigilIncident(java.util.function.Consumer<String> completedTask) {
        long incidentId = incidents.report(new IncidentReport(null, "Benchmark breach", "Lost laptop with charts", null,
                OffsetDateTime.now(ZoneOffset.ofHours(-6)).minusDays(1).truncatedTo(ChronoUnit.SECONDS), "bench",
                List.of("EHR"), List.of("name", "diagnosis"), Map.of("US-TX", 40)), "bench").incidentId();
        drive(incidentId, taskKey -> {
            completedTask.accept(taskKey);
            return breachAnswers(taskKey);
        });
        return incidentId;
    }

    private long bareInstance() {
        long group = bareGroups.getAndDecrement();
        runtime.startProcessInstanceByKey("bench-bare", Map.of(GROUP, group));
        // The same answers as the breach response's tasks, in the same order: form data is not Vigil's overhead.
        drive(group, key -> breachAnswers(happyPath.get(Integer.parseInt(key.substring("user".length())))));
        return group;
    }

    /** Completes every task and runs every non-timer job of the instances carrying this group, until none is left. */
    private void drive(long group, Function<String, Map<String, Object>> answers) {
        for (int step = 0; step < 200; step++) {
            var instances = runtime.createProcessInstanceQuery().variableValueEquals(GROUP, group).list();
            if (instances.isEmpty()) {
                return;
            }
            for (var instance : instances) {
                for (var job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
                    management.executeJob(job.getId());
                }
            }
            for (var task : tasks.createTaskQuery().processVariableValueEquals(GROUP, group).list()) {
                tasks.complete(task.getId(), answers.apply(task.getTaskDefinitionKey()));
            }
        }
        throw new IllegalStateException("Instances of group " + group + " did not end");
    }

    /** What a privacy office answers at each step of the happy path. */
    private static Map<String, Object> breachAnswers(String taskKey) {
        var answers = new HashMap<String, Object>();
        switch (taskKey) {
            case "Task_TriageIncident" -> answers.putAll(Map.of("patientDataInvolved", true, "patientCareAffected", false,
                    "medicalDeviceInvolved", false, "insiderSuspected", false, "estimatedAffected", 40));
            case "Task_ContainIncident" -> answers.put("containedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString());
            case "Task_InvestigateIncident" -> answers.putAll(Map.of("affectedCounts", "US-TX: 40", "dataName", true,
                    "dataDiagnosis", true, "role", "covered_entity", "lawEnforcementForm", "none"));
            case "Task_AssessRisk" -> {
                answers.putAll(Map.of("hipaaException", "none", "riskConclusion", "not_low_probability"));
                for (String factor : List.of("factorNature", "factorRecipient", "factorAcquired", "factorMitigation")) {
                    answers.put(factor, "medium");
                    answers.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Benchmark rationale");
                }
            }
            case "Task_PrepareNotice" -> answers.put("noticeReference", "BENCH-DOC");
            case "Task_ApproveNotice" -> answers.put("noticeApproved", true);
            case "Task_RecordDispatch" -> answers.putAll(Map.of("sentAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString(),
                    "channel", "first_class_mail", "proof", "BENCH-PROOF"));
            case "Task_ReviewPostIncident" -> answers.put("phiLessonsLearned", "Benchmark");
            default -> throw new IllegalStateException("The happy path has no task " + taskKey);
        }
        return answers;
    }

    record Shape(int processInstances, int userTasks, int serviceTasks, int asyncContinuations) {
        @Override
        public String toString() {
            return processInstances + " process instances, " + userTasks + " user tasks, " + serviceTasks
                    + " service and rule tasks, " + asyncContinuations + " asynchronous continuations";
        }
    }

    /** What one breach response executed, read from its history (its own instance and its obligations'). */
    private Shape shapeOf(long incidentId) {
        var instances = history.createHistoricProcessInstanceQuery().variableValueEquals(GROUP, incidentId).list();
        int user = 0;
        int service = 0;
        int async = 0;
        for (var instance : instances) {
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list()) {
                switch (activity.getActivityType()) {
                    case "userTask" -> user++;
                    case "serviceTask", "businessRuleTask", "sendTask", "scriptTask" -> service++;
                    default -> { }
                }
            }
            async += (int) history.createHistoricJobLogQuery().processInstanceId(instance.getId()).creationLog().list().stream()
                    .filter(log -> "async-continuation".equals(log.getJobDefinitionType())).count();
        }
        return new Shape(instances.size(), user, service, async);
    }

    /** A chain of the same number of user and service tasks, service tasks spread between the user tasks. */
    private void deployBare(Shape shape) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bench-bare").camundaHistoryTimeToLive(1).startEvent();
        int steps = shape.userTasks() + shape.serviceTasks();
        int service = 0;
        int user = 0;
        for (int step = 0; step < steps; step++) {
            boolean serviceNext = user >= shape.userTasks()
                    || (service < shape.serviceTasks() && (long) service * steps < (long) step * shape.serviceTasks());
            if (serviceNext) {
                flow = flow.serviceTask("service" + service).camundaClass(NoOp.class.getName())
                        .camundaAsyncBefore(service < shape.asyncContinuations());
                service++;
            } else {
                flow = flow.userTask("user" + user++);
            }
        }
        repository.createDeployment().name("bench-bare").addModelInstance("bench-bare.bpmn", flow.endEvent().done()).deploy();
    }

    /** The bare process's service task. */
    public static final class NoOp implements JavaDelegate {
        @Override
        public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {}
    }

    // --- 3. timer lag --------------------------------------------------------------------------------------------

    /**
     * 2,000 open obligations whose reminder timers fall due within one minute, with the shipped job-executor settings,
     * while POST /api/incidents runs at concurrency 8: lag between a reminder's due second and the moment its
     * reminder step begins (the timer job and the step's own asynchronous continuation).
     */
    private void timerLag(Figures figures) throws Exception {
        int count = Integer.getInteger("vigil.bench.timers", 2_000);
        if (count == 0) {
            return;
        }
        long incidentId = incidents.report(new IncidentReport(null, "Benchmark timers", null, null,
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS), "bench",
                List.of(), List.of("name"), Map.of("US-TX", 1)), "bench").incidentId();
        Instant windowStart = Instant.now().plusSeconds(Integer.getInteger("vigil.bench.timer-lead-seconds", 150)).truncatedTo(ChronoUnit.MINUTES);
        var dueAt = new HashMap<Long, Instant>();
        try (var db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            var insert = db.prepareStatement("insert into notification_obligation (incident_id, rule_id, recipient, jurisdiction, regime, basis,"
                    + " confidence, deadline_rule, target_deadline, hour_based, computation, status, catalog_version, planned_at, dates_set_at)"
                    + " values (?, concat('bench:', ?), ?, 'US-TX', 'benchmark', 'benchmark', 'VERIFIED', 'hours_after', ?, true, 'benchmark', 'OPEN', 'bench', ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < count; i++) {
                // Hour-based with 48 h in all: the reminder falls 24 h before the deadline, the escalation 12 h before.
                Instant reminder = windowStart.plusSeconds(i * 60L / count);
                insert.setLong(1, incidentId);
                insert.setString(2, "bench-" + i);
                insert.setString(3, "bench-" + i);
                // UTC, as Vigil's entities store instants; a Timestamp would be written in the JVM's (company) zone.
                insert.setObject(4, LocalDateTime.ofInstant(reminder.plus(Duration.ofHours(24)), ZoneOffset.UTC));
                insert.setObject(5, LocalDateTime.ofInstant(reminder.minus(Duration.ofHours(24)), ZoneOffset.UTC));
                // Planned then, and its dates set then (V44: the reminder's timing counts from this moment).
                insert.setObject(6, LocalDateTime.ofInstant(reminder.minus(Duration.ofHours(24)), ZoneOffset.UTC));
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    dueAt.put(keys.getLong(1), reminder);
                }
            }
            db.commit();
        }
        var pool = Executors.newFixedThreadPool(4);
        var started = new ArrayList<Future<Map.Entry<String, Instant>>>();
        for (var obligation : dueAt.entrySet()) {
            started.add(pool.submit(() -> Map.entry(runtime.startProcessInstanceByKey("notification-obligation", "bench-obligation-" + obligation.getKey(),
                    Map.of("obligationId", obligation.getKey(), GROUP, incidentId)).getId(), obligation.getValue())));
        }
        var reminderDue = new HashMap<String, Instant>();
        for (var future : started) {
            var entry = future.get();
            reminderDue.put(entry.getKey(), entry.getValue());
        }
        pool.shutdown();
        if (Instant.now().isAfter(windowStart)) {
            throw new IllegalStateException("Starting " + count + " obligations took past their due minute; raise vigil.bench.timer-lead-seconds");
        }

        // Intake load from 20 s before the window until every reminder has run.
        var stop = new AtomicBoolean();
        var intakeRequests = new AtomicInteger();
        var intakeFailures = new AtomicInteger();
        var load = Executors.newFixedThreadPool(8);
        var http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo".getBytes());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), windowStart.minusSeconds(20)).toMillis()));
        for (int worker = 0; worker < 8; worker++) {
            load.submit(() -> {
                while (!stop.get()) {
                    try {
                        VigilBenchmarks.postIncident(http, auth, "http://localhost:" + PORT, "timer-load-" + intakeRequests.incrementAndGet());
                    } catch (Exception e) {
                        intakeFailures.incrementAndGet();
                        System.out.println("[bench] intake during the timer window failed: " + e);
                        Thread.sleep(1000);
                    }
                }
                return null;
            });
        }
        Instant giveUp = windowStart.plusSeconds(60 + 300);
        while (REMINDER_STARTED.keySet().stream().filter(reminderDue::containsKey).count() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
        stop.set(true);
        load.shutdown();

        double[] lagSeconds = reminderDue.entrySet().stream()
                .mapToDouble(entry -> (REMINDER_STARTED.getOrDefault(entry.getKey(), giveUp.toEpochMilli()) - entry.getValue().toEpochMilli()) / 1000.0)
                .toArray();
        long ran = reminderDue.keySet().stream().filter(REMINDER_STARTED::containsKey).count();
        figures.add("timer lag", count + " reminders in one minute, p50/p95/p99",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f s", Figures.percentile(lagSeconds, 50), Figures.percentile(lagSeconds, 95),
                        Figures.percentile(lagSeconds, 99)), "p99 <= 5 s");
        figures.add("timer lag", "max; reminders run; intake requests (failed)", String.format(Locale.ROOT, "%.1f s; %d of %d; %d (%d)",
                Figures.percentile(lagSeconds, 100), ran, count, intakeRequests.get(), intakeFailures.get()), "-");
    }

    /** Records when the reminder step of a notification obligation begins, for the timer-lag benchmark. */
    // Not a @Configuration: it is given to SpringApplication as a source, and must not be found by scanning.
    static class ReminderProbe {
        @Bean
        AbstractProcessEnginePlugin reminderProbePlugin() {
            ExecutionListener started = execution -> REMINDER_STARTED.put(execution.getProcessInstanceId(), System.currentTimeMillis());
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    var listeners = configuration.getCustomPostBPMNParseListeners() == null
                            ? new ArrayList<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener>()
                            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
                    listeners.add(new AbstractBpmnParseListener() {
                        @Override
                        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                            if ("Task_RemindGroup".equals(activity.getId())) {
                                activity.addListener(ExecutionListener.EVENTNAME_START, started);
                            }
                        }
                    });
                    configuration.setCustomPostBPMNParseListeners(listeners);
                }
            };
        }
    }

    private static long residentMegabytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }
}
