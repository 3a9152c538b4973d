import datetime

import factory

from rumbo.accounts.factories import UserFactory
from rumbo.casework.models import AppointmentRequest, Consultation, Referral, StaffRole
from rumbo.core.factories import CountryFactory, OrganisationFactory, PlaceFactory
from rumbo.infopoints.models import InfoPoint


class InfoPointFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory, is_partner=True)
    name = factory.Sequence(lambda n: f"Information point {n}")
    slug = factory.Sequence(lambda n: f"point-{n}")
    address = "Calle 1"
    # Points spread over the region's countries, as casework's scopes are by country.
    place = factory.SubFactory(
        PlaceFactory, country=factory.SubFactory(CountryFactory), parent=None, longitude=-92.26
    )
    latitude = 14.9
    longitude = -92.26

    class Meta:
        model = InfoPoint


class StaffRoleFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    role = StaffRole.Role.ADVISOR
    info_point = factory.SubFactory(InfoPointFactory)

    class Meta:
        model = StaffRole


class AppointmentRequestFactory(factory.django.DjangoModelFactory):
    info_point = factory.SubFactory(InfoPointFactory)
    reference = factory.Sequence(lambda n: f"T{n:03d}-TEST")
    alias = factory.Sequence(lambda n: f"Alias appointment {n}")
    contact_channel = AppointmentRequest.Contact.WHATSAPP
    contact = "+52 962 000 0000"
    preferred_date = factory.LazyFunction(datetime.date.today)
    preferred_slot = AppointmentRequest.Slot.MORNING
    topic = "documents"

    class Meta:
        model = AppointmentRequest


class ConsultationFactory(factory.django.DjangoModelFactory):
    info_point = factory.SubFactory(InfoPointFactory)
    date = factory.LazyFunction(datetime.date.today)
    month = factory.LazyAttribute(lambda consultation: consultation.date.replace(day=1))
    channel = Consultation.Channel.WALK_IN
    topic_documents = True
    age_band = Consultation.AgeBand.AGE_18_24
    sex = Consultation.Sex.FEMALE
    situation = Consultation.Situation.TRANSIT
    source = Consultation.Source.FRIEND
    outcome = Consultation.Outcome.INFORMED
    consent_given = True
    consent_version = "2026-11"
    alias = factory.Sequence(lambda n: f"Alias consultation {n}")
    contact = "+502 5555 0000"
    notes = "Needs a birth certificate"

    class Meta:
        model = Consultation


class ReferralFactory(factory.django.DjangoModelFactory):
    consultation = factory.SubFactory(ConsultationFactory)
    from_point = factory.LazyAttribute(lambda referral: referral.consultation.info_point)
    to_point = factory.SubFactory(InfoPointFactory)
    month = factory.LazyAttribute(lambda referral: referral.consultation.month)
    shares_personal_data = True
    shared_alias = factory.LazyAttribute(lambda referral: referral.consultation.alias)
    shared_contact = factory.LazyAttribute(lambda referral: referral.consultation.contact)
    reason = "Legal advice on asylum"

    class Meta:
        model = Referral
