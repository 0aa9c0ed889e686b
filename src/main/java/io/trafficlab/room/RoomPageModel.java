package io.trafficlab.room;

import java.time.Duration;

import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxDestinations;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.system.ClientRequests;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a page watching a room needs (a student's page, the projector): the code, the
 * addresses to join at, the room's topics, and the teacher sandbox's preset; and the join
 * form again when the code is wrong. Never the sandbox id.
 */
@Component
public record RoomPageModel(SandboxRegistry sandboxes, PresetCatalog presets) {

	public static final String JOIN_PAGE = "room/joinPage";

	public static final String ROOM_PAGE = "room/roomPage";

	public static final String PROJECTOR_PAGE = "room/projectorPage";

	/**
	 * The page, with the model of an open room.
	 * @throws RoomRequestException 410 when the teacher's sandbox has just ended
	 */
	public ModelAndView view(String page, Room room) {
		Sandbox sandbox = teacherSandbox(room);
		RoomCode roomCode = room.code();
		ModelAndView view = new ModelAndView(page);
		view.addObject("room", roomCode);
		view.addObject("roomPage", RoomDestinations.page(roomCode));
		view.addObject("joinPage", absolute(RoomDestinations.PAGES));
		view.addObject("joinUrl", absolute(RoomDestinations.page(roomCode)));
		view.addObject("roomApi", RoomDestinations.API + "/" + roomCode.value());
		view.addObject("eventsTopic", RoomDestinations.eventsTopic(roomCode));
		view.addObject("statsTopic", RoomDestinations.statsTopic(roomCode));
		view.addObject("snapshotDestination", RoomDestinations.snapshotDestination(roomCode));
		view.addObject("snapshotUrl", RoomDestinations.snapshotUrl(roomCode));
		view.addObject("classTopic", RoomDestinations.classTopic(roomCode));
		view.addObject("endpoint", SandboxDestinations.ENDPOINT);
		view.addObject("presets", this.presets.all());
		view.addObject("preset", this.presets.find(sandbox.preset())
			.orElseGet(
					() -> Preset.unlisted("The teacher's manifests", "A cluster your teacher applied or shared.", "")));
		return view;
	}

	/** The sandbox a room follows; gone means the room is ending right now. */
	public Sandbox teacherSandbox(Room room) {
		return this.sandboxes.find(room.sandbox())
			.orElseThrow(() -> RoomRequestException.ended(room.code(), "the teacher's sandbox ended"));
	}

	/** The join form again, with the code and why it does not open a room. */
	public static ModelAndView joinAgain(String code, RoomRequestException ex) {
		ModelAndView view = new ModelAndView(JOIN_PAGE, ex.status());
		view.addObject("code", code);
		view.addObject("error", ex.getMessage());
		view.addObject("ended", ex.status() == HttpStatus.GONE);
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			ClientRequests.retryAfter(retryAfter);
		}
		return view;
	}

	/** An address on this server, as people type it. */
	public static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
	}

}
