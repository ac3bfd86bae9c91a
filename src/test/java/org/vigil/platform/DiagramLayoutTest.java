package org.vigil.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Managers and auditors read these diagrams in Cockpit (issue 15): a flow must visibly leave its source and reach its
 * target, run at right angles, and never run through a shape or a label it has nothing to do with. Checked on the
 * diagram interchange (bpmndi) of every model in processes/.
 */
class DiagramLayoutTest {

    /** Pixels a waypoint may be off a border; what Modeler's snapping leaves. */
    private static final double TOLERANCE = 2;

    static Stream<Path> models() throws IOException {
        return ModelRulesTest.models();
    }

    @ParameterizedTest
    @MethodSource("models")
    void flowsRunAtRightAnglesFromBorderToBorderAroundOtherShapesAndLabelsStayClear(Path file) {
        assertThat(problems(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()))).isEmpty();
    }

    /** The check above is only worth something if it can fail: a model with one mistake of each kind. */
    @Test
    void findsEveryKindOfMistakeInABadlyDrawnModel() {
        BpmnModelInstance bad = Bpmn.readModelFromStream(new ByteArrayInputStream(BAD_MODEL.getBytes(UTF_8)));
        assertThat(problems("bad.bpmn", bad)).containsExactlyInAnyOrder(
                "bad.bpmn Flow_Short: first waypoint (118, 118) is not on the border of Start",
                "bad.bpmn Flow_Short: label overlaps Task_B",
                "bad.bpmn Flow_Through: segment (300, 118)-(600, 118) runs through Task_C",
                "bad.bpmn Flow_Diagonal: segment (300, 100)-(400, 140) is diagonal",
                "bad.bpmn Flow_Across: segment (450, 158)-(450, 400) runs through Sub",
                "bad.bpmn Flow_Across: last waypoint (450, 400) is not on the border of End_Low",
                "bad.bpmn Timer: boundary event is not on the border of Task_C");
    }

    static List<String> problems(String file, BpmnModelInstance model) {
        Map<String, Box> shapes = new LinkedHashMap<>();
        Map<String, Box> labels = new LinkedHashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            shapes.put(shape.getBpmnElement().getId(), Box.of(shape.getBounds()));
            label(shape.getBpmnLabel()).ifPresent(b -> labels.put(shape.getBpmnElement().getId(), b));
        }
        List<String> problems = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            String where = file + " " + flow.getId() + ": ";
            label(edge.getBpmnLabel()).ifPresent(b -> labels.put(flow.getId(), b));
            List<Point> points = edge.getWaypoints().stream().map(Point::of).toList();
            String source = flow.getSource().getId(), target = flow.getTarget().getId();
            if (!shapes.get(source).hasOnBorder(points.get(0))) {
                problems.add(where + "first waypoint " + points.get(0) + " is not on the border of " + source);
            }
            if (!shapes.get(target).hasOnBorder(points.get(points.size() - 1))) {
                problems.add(where + "last waypoint " + points.get(points.size() - 1) + " is not on the border of " + target);
            }
            for (int i = 1; i < points.size(); i++) {
                Point a = points.get(i - 1), b = points.get(i);
                if (Math.abs(a.x - b.x) > 1 && Math.abs(a.y - b.y) > 1) {
                    problems.add(where + "segment " + a + "-" + b + " is diagonal");
                }
                for (var shape : shapes.entrySet()) {
                    String id = shape.getKey();
                    // a flow into or out of a subprocess, or within it, may cross its border or run inside it
                    boolean ownShape = id.equals(source) || id.equals(target)
                            || model.getModelElementById(id) instanceof SubProcess && (within(flow.getSource(), id) || within(flow.getTarget(), id));
                    if (!ownShape && shape.getValue().meetsInside(a, b)) {
                        problems.add(where + "segment " + a + "-" + b + " runs through " + id);
                    }
                }
            }
        }
        for (var label : labels.entrySet()) {
            for (var shape : shapes.entrySet()) {
                boolean subProcess = model.getModelElementById(shape.getKey()) instanceof SubProcess;
                // a label may sit inside a subprocess, never across its border; on any other shape it hides something
                if (!shape.getKey().equals(label.getKey()) && label.getValue().overlaps(shape.getValue())
                        && !(subProcess && shape.getValue().contains(label.getValue()))) {
                    problems.add(file + " " + label.getKey() + ": label overlaps " + shape.getKey());
                }
            }
            for (var other : labels.entrySet()) {
                if (label.getKey().compareTo(other.getKey()) < 0 && label.getValue().overlaps(other.getValue())) {
                    problems.add(file + " " + label.getKey() + ": label overlaps the label of " + other.getKey());
                }
            }
        }
        problems.addAll(unplaced(file, model, shapes.keySet(), labels.keySet()));
        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            Box box = shapes.get(event.getId());
            if (box != null && !shapes.get(event.getAttachedTo().getId()).hasOnBorder(new Point(box.x + box.w / 2, box.y + box.h / 2))) {
                problems.add(file + " " + event.getId() + ": boundary event is not on the border of " + event.getAttachedTo().getId());
            }
        }
        return problems;
    }

    /** Elements the diagram leaves out, and names without label bounds (the renderer would put those anywhere). */
    private static List<String> unplaced(String file, BpmnModelInstance model, Collection<String> shapes, Collection<String> labels) {
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                problems.add(file + " " + node.getId() + ": no shape in the diagram");
            } else if (node.getName() != null && !(node instanceof Activity) && !labels.contains(node.getId())) {
                problems.add(file + " " + node.getId() + ": named but without label bounds");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getDiagramElement() == null) {
                problems.add(file + " " + flow.getId() + ": no edge in the diagram");
            } else if (flow.getName() != null && !labels.contains(flow.getId())) {
                problems.add(file + " " + flow.getId() + ": named but without label bounds");
            }
        }
        return problems;
    }

    private static boolean within(BaseElement element, String subProcessId) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof SubProcess s && s.getId().equals(subProcessId)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<Box> label(BpmnLabel label) {
        return label == null || label.getBounds() == null ? java.util.Optional.empty() : java.util.Optional.of(Box.of(label.getBounds()));
    }

    record Point(double x, double y) {
        static Point of(Waypoint w) {
            return new Point(w.getX(), w.getY());
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "(%.0f, %.0f)", x, y);
        }
    }

    /** A shape's bounding box: gateways and events are checked on theirs, where Modeler attaches flows too. */
    record Box(double x, double y, double w, double h) {
        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean hasOnBorder(Point p) {
            boolean near = p.x >= x - TOLERANCE && p.x <= x + w + TOLERANCE && p.y >= y - TOLERANCE && p.y <= y + h + TOLERANCE;
            return near && (Math.abs(p.x - x) <= TOLERANCE || Math.abs(p.x - x - w) <= TOLERANCE
                    || Math.abs(p.y - y) <= TOLERANCE || Math.abs(p.y - y - h) <= TOLERANCE);
        }

        /** Whether the segment a-b (at right angles) reaches more than a pixel inside; running along a border is fine. */
        boolean meetsInside(Point a, Point b) {
            return Math.min(a.x, b.x) < x + w - 1 && Math.max(a.x, b.x) > x + 1
                    && Math.min(a.y, b.y) < y + h - 1 && Math.max(a.y, b.y) > y + 1;
        }

        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(Box o) {
            return x <= o.x && y <= o.y && o.x + o.w <= x + w && o.y + o.h <= y + h;
        }
    }

    /**
     * One mistake of each kind: a flow starting inside its start event with its label on a task, one running through
     * a task, a diagonal one, one crossing a subprocess and stopping short of its end event, a boundary event off its host.
     */
    private static final String BAD_MODEL = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                         xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                         id="Bad" targetNamespace="https://vigil.example/bpmn">
              <process id="bad">
                <startEvent id="Start"/>
                <task id="Task_B"/>
                <task id="Task_C"/>
                <boundaryEvent id="Timer" attachedToRef="Task_C"/>
                <endEvent id="End"/>
                <subProcess id="Sub"/>
                <endEvent id="End_Low"/>
                <sequenceFlow id="Flow_Short" name="go" sourceRef="Start" targetRef="Task_B"/>
                <sequenceFlow id="Flow_Through" sourceRef="Task_B" targetRef="End"/>
                <sequenceFlow id="Flow_Diagonal" sourceRef="Task_B" targetRef="Task_C"/>
                <sequenceFlow id="Flow_Across" sourceRef="Task_C" targetRef="End_Low"/>
              </process>
              <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="bad">
                <bpmndi:BPMNShape id="S1" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="S2" bpmnElement="Task_B"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="S3" bpmnElement="Task_C"><dc:Bounds x="400" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="S4" bpmnElement="Timer"><dc:Bounds x="520" y="40" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="S5" bpmnElement="End"><dc:Bounds x="600" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="S6" bpmnElement="Sub" isExpanded="true"><dc:Bounds x="350" y="250" width="200" height="100"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="S7" bpmnElement="End_Low"><dc:Bounds x="432" y="420" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_Short"><di:waypoint x="118" y="118"/><di:waypoint x="200" y="118"/>
                  <bpmndi:BPMNLabel><dc:Bounds x="190" y="90" width="20" height="14"/></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
                <bpmndi:BPMNEdge id="E2" bpmnElement="Flow_Through"><di:waypoint x="300" y="118"/><di:waypoint x="600" y="118"/></bpmndi:BPMNEdge>
                <bpmndi:BPMNEdge id="E3" bpmnElement="Flow_Diagonal"><di:waypoint x="300" y="100"/><di:waypoint x="400" y="140"/></bpmndi:BPMNEdge>
                <bpmndi:BPMNEdge id="E4" bpmnElement="Flow_Across"><di:waypoint x="450" y="158"/><di:waypoint x="450" y="400"/></bpmndi:BPMNEdge>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>
            """;
}
